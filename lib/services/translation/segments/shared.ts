import "server-only";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertEditable, loadVisibleArticle, type ArticleHead } from "@/lib/services/articles/access";
import { CARRIED_KINDS, type WorkSegment } from "@/lib/translation/types";
import type { SegmentKind } from "@/lib/generated/prisma/enums";

export const SEGMENT_CONFLICT_MESSAGE =
  "这一段已在别处修改（另一个窗口，或审校的编辑）。你输入的译文仍保留在这里，请载入最新版本后再决定保留哪一份。";
const SEGMENT_NOT_FOUND_MESSAGE = "没有找到这一段，它可能已被合并或拆分，请刷新页面。";

export const workSegmentSelect = {
  id: true,
  position: true,
  kind: true,
  sourceText: true,
  targetText: true,
  status: true,
  machineFilled: true,
  version: true,
} as const satisfies Prisma.TranslationSegmentSelect;

export const isCarried = (kind: SegmentKind) => CARRIED_KINDS.includes(kind);

/** The article for a change to its segments: visible (else NOT_FOUND) and editable by the actor (else FORBIDDEN). */
export async function loadEditableArticle(actor: Actor | null, articleId: string): Promise<ArticleHead> {
  const head = await loadVisibleArticle(actor, articleId);
  assertEditable(actor!, head);
  return head;
}

/** The segments named, all of this article; NOT_FOUND names none of the others' ids. */
export async function loadSegments(articleId: string, ids: string[]) {
  const rows = await db.translationSegment.findMany({
    where: { articleId, id: { in: ids } },
    select: { ...workSegmentSelect, sourceNode: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => {
    const row = byId.get(id);
    if (!row) throw new AppError("NOT_FOUND", SEGMENT_NOT_FOUND_MESSAGE);
    return row;
  });
}

/**
 * Positions 0..n-1 in the current order, in one statement. Merge and split call it last in
 * their transaction, so gaps left by concurrent changes elsewhere in the article close too.
 */
export async function renumber(tx: Prisma.TransactionClient, articleId: string) {
  await tx.$executeRaw`
    UPDATE translation_segments AS s SET position = o.rn - 1
    FROM (SELECT id, row_number() OVER (ORDER BY position, id) AS rn
          FROM translation_segments WHERE "articleId" = ${articleId}) AS o
    WHERE s.id = o.id AND s.position <> o.rn - 1`;
}

export const toWorkSegment = (row: WorkSegment): WorkSegment => ({
  id: row.id,
  position: row.position,
  kind: row.kind,
  sourceText: row.sourceText,
  targetText: row.targetText,
  status: row.status,
  machineFilled: row.machineFilled,
  version: row.version,
});
