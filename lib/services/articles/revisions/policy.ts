import "server-only";
import type { JSONContent } from "@tiptap/core";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ArticleStatus, RevisionKind } from "@/lib/generated/prisma/enums";

/**
 * When a save leaves a snapshot (ArticleRevision). A manual save, a restore, applying a pending
 * edit and every status change (transition.ts) always do; an autosave only when the article's
 * newest AUTOSAVE snapshot is at least five minutes old, so hours of typing leave one snapshot
 * per five minutes, not one per pause. A save without a snapshot still bumps Article.version.
 */
const AUTOSAVE_REVISION_INTERVAL_MS = 5 * 60_000;

type Tx = Prisma.TransactionClient;

export async function autosaveRevisionDue(tx: Tx, articleId: string, now: Date): Promise<boolean> {
  const newest = await tx.articleRevision.findFirst({
    where: { articleId, kind: "AUTOSAVE" },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return !newest || now.getTime() - newest.createdAt.getTime() >= AUTOSAVE_REVISION_INTERVAL_MS;
}

type RevisionContent = { title: string; lede: string; body: JSONContent };

type NewRevision = RevisionContent & {
  articleId: string;
  version: number;
  editorId: string;
  kind: RevisionKind;
  status: ArticleStatus;
  now: Date;
};

export function writeRevision(tx: Tx, r: NewRevision) {
  return tx.articleRevision.create({
    data: {
      articleId: r.articleId,
      version: r.version,
      title: r.title,
      lede: r.lede,
      bodyJson: r.body as Prisma.InputJsonValue,
      editorId: r.editorId,
      kind: r.kind,
      status: r.status,
      createdAt: r.now,
    },
  });
}

/**
 * Makes sure the version about to be replaced is in the history before a conflict resolution or
 * a discard writes over it: an autosave inside the five-minute window left no snapshot, and the
 * text someone else typed must not be lost. The snapshot is credited to whoever wrote the newest
 * snapshot made by typing (the autosaves in a window are one person's), else to `fallbackEditorId`.
 */
export async function keepVersion(
  tx: Tx,
  r: RevisionContent & {
    articleId: string;
    version: number;
    status: ArticleStatus;
    fallbackEditorId: string;
    now: Date;
  },
) {
  const exists = await tx.articleRevision.findUnique({
    where: { articleId_version: { articleId: r.articleId, version: r.version } },
    select: { id: true },
  });
  if (exists) return;
  const last = await tx.articleRevision.findFirst({
    where: { articleId: r.articleId, kind: { in: ["AUTOSAVE", "MANUAL"] } },
    orderBy: { version: "desc" },
    select: { editorId: true },
  });
  await writeRevision(tx, { ...r, editorId: last?.editorId ?? r.fallbackEditorId, kind: "AUTOSAVE" });
}
