import "server-only";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";

export type SourceUpdateItem = {
  id: string;
  title: string;
  sourceUrl: string | null;
  sourceTitle: string | null;
  sourceSite: string | null;
  sourceChangedAt: Date;
  translatorName: string | null;
};

const LIMIT = 50;

/** The editors' dashboard: translations whose source changed (原文已更新), newest change first. */
export async function listSourceUpdates(actor: Actor | null): Promise<SourceUpdateItem[]> {
  assertCan(actor, "article.editAny");
  const rows = await db.article.findMany({
    where: { sourceChangedAt: { not: null }, deletedAt: null },
    orderBy: [{ sourceChangedAt: "desc" }, { id: "asc" }],
    take: LIMIT,
    select: {
      id: true,
      title: true,
      sourceUrl: true,
      sourceTitle: true,
      sourceSite: true,
      sourceChangedAt: true,
      translator: { select: { profile: { select: { displayName: true } } } },
    },
  });
  return rows.map(({ translator, sourceChangedAt, ...r }) => ({
    ...r,
    sourceChangedAt: sourceChangedAt!,
    translatorName: translator?.profile?.displayName ?? null,
  }));
}
