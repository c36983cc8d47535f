import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import type { CorrectionKind } from "@/lib/generated/prisma/enums";
import { isPublic } from "./article-card";
import { lists } from "./cache-profile";

export type CorrectionListItem = {
  id: string;
  kind: CorrectionKind;
  note: string;
  createdAt: Date;
  article: { publicId: string; title: string };
};

const CORRECTIONS_PAGE_SIZE = 30;
/** deeper pages are refused by the page: OFFSET cost stays bounded */
export const MAX_CORRECTIONS_PAGE = 200;

/**
 * /corrections: every correction-log entry of a public article, newest first, one page at a time.
 * Tagged with the article lists: filing an entry invalidates them (lib/services/corrections).
 */
export async function listCorrections(
  page: number,
): Promise<{ items: CorrectionListItem[]; total: number; pageCount: number }> {
  "use cache";
  cacheTag(tags.articles());
  cacheLife(lists);
  const rows = await db.$queryRaw<
    (Omit<CorrectionListItem, "article"> & { publicId: string; title: string; total: number })[]
  >`
    SELECT k.id, k.kind::text AS kind, k.note, k."createdAt", a."publicId", a.title,
      count(*) OVER ()::int AS total
    FROM article_corrections k JOIN articles a ON a.id = k."articleId" AND ${isPublic}
    ORDER BY k."createdAt" DESC, k.id DESC
    LIMIT ${CORRECTIONS_PAGE_SIZE} OFFSET ${(page - 1) * CORRECTIONS_PAGE_SIZE}`;
  const total = rows[0]?.total ?? 0;
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      note: r.note,
      createdAt: r.createdAt,
      article: { publicId: r.publicId, title: r.title },
    })),
    total,
    pageCount: Math.max(1, Math.ceil(total / CORRECTIONS_PAGE_SIZE)),
  };
}
