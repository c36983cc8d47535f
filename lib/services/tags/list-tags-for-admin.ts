import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { containsPattern } from "@/lib/db/like";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TagKind } from "@/lib/generated/prisma/enums";
import { isSafeText } from "@/lib/validation";
import { isPublic } from "../public/article-card";
import { aliasNamesOfT } from "./alias-names-sql";

const TAGS_PAGE_SIZE = 25;

/** 排序: the keys a ?sort= may name, each a fixed ORDER BY (never text from the URL). */
const SORTS = {
  name: Prisma.sql`t.name ASC`,
  slug: Prisma.sql`t.slug ASC`,
  articles: Prisma.sql`"articleCount" DESC, t.name ASC`,
  published: Prisma.sql`"publishedCount" DESC, t.name ASC`,
  newest: Prisma.sql`t."createdAt" DESC`,
} as const;
export type TagSort = keyof typeof SORTS;
const TAG_SORTS = Object.keys(SORTS) as TagSort[];

// Query-string input: anything malformed falls back to the default instead of an error page.
const inputSchema = z.object({
  q: z.string().trim().max(64).refine(isSafeText).catch("").default(""),
  sort: z.enum(TAG_SORTS).catch("articles").default("articles"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type AdminTag = {
  id: number;
  slug: string;
  name: string;
  kind: TagKind;
  description: string | null;
  /** other names, as written, in key order (issue 16) */
  aliases: string[];
  createdAt: Date;
  /** articles carrying it in any state (drafts, review, the 回收站) */
  articleCount: number;
  /** of those, what readers see */
  publishedCount: number;
};

type AdminTagList = {
  items: AdminTag[];
  total: number;
  page: number;
  pageCount: number;
  filters: { q: string; sort: TagSort };
};

/** 标签管理: search by name or slug (case-insensitive, substring), five sorts, 25 a page. Two statements. */
export async function listTagsForAdmin(
  actor: Actor | null,
  input: Record<string, unknown> = {},
): Promise<AdminTagList> {
  assertCan(actor, "tag.manage");
  const { q, sort, page } = inputSchema.parse(input);
  const pattern = containsPattern(q);
  const where = q ? Prisma.sql`WHERE t.name ILIKE ${pattern} OR t.slug ILIKE ${pattern}` : Prisma.empty;
  const [countRows, rows] = await Promise.all([
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM tags t ${where}`,
    db.$queryRaw<AdminTag[]>`
      SELECT t.id, t.slug, t.name, t.kind::text AS kind, t.description, t."createdAt",
        ${aliasNamesOfT} AS aliases,
        count(a.id)::int AS "articleCount",
        count(a.id) FILTER (WHERE ${isPublic})::int AS "publishedCount"
      FROM tags t
      LEFT JOIN article_tags at ON at."tagId" = t.id
      LEFT JOIN articles a ON a.id = at."articleId"
      ${where}
      GROUP BY t.id
      ORDER BY ${SORTS[sort]}, t.id
      LIMIT ${TAGS_PAGE_SIZE} OFFSET ${(page - 1) * TAGS_PAGE_SIZE}`,
  ]);
  const total = Number(countRows[0]?.n ?? 0);
  return {
    items: rows.map((r) => ({
      ...r,
      articleCount: Number(r.articleCount),
      publishedCount: Number(r.publishedCount),
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / TAGS_PAGE_SIZE)),
    filters: { q, sort },
  };
}

/** The merge form's suggestions: tag names, alphabetical, bounded. */
export async function listTagNames(actor: Actor | null, limit = 1000): Promise<string[]> {
  assertCan(actor, "tag.manage");
  const rows = await db.tag.findMany({ select: { name: true }, orderBy: { name: "asc" }, take: limit });
  return rows.map((r) => r.name);
}
