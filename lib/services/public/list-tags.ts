import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { db } from "@/lib/db";
import { tags } from "@/lib/cache-tags";
import type { TagKind } from "@/lib/generated/prisma/enums";
import { isPublic } from "./article-card";
import { lists } from "./cache-profile";
import { aliasNamesOfT } from "../tags/alias-names-sql";

export type TagSummary = {
  slug: string;
  name: string;
  kind: TagKind;
  description: string | null;
  /** other names, as written, in key order (issue 16) */
  aliases: string[];
  articleCount: number;
};

/** 专题 index and the Content API's /tags: tags that have public articles, busiest first. One statement. */
export async function listTags(limit = 200): Promise<TagSummary[]> {
  "use cache";
  cacheTag(tags.articles());
  cacheLife(lists);
  const rows = await db.$queryRaw<TagSummary[]>`
    SELECT t.slug, t.name, t.kind::text AS kind, t.description, ${aliasNamesOfT} AS aliases,
      count(*)::int AS "articleCount"
    FROM tags t
    JOIN article_tags at ON at."tagId" = t.id
    JOIN articles a ON a.id = at."articleId" AND ${isPublic}
    GROUP BY t.id
    ORDER BY count(*) DESC, t.name
    LIMIT ${Math.min(limit, 500)}`;
  return rows.map((r) => ({ ...r, articleCount: Number(r.articleCount) }));
}
