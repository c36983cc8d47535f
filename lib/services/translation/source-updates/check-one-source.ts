import "server-only";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { emitSourceChanged } from "@/lib/webhooks/article-events";
import type { ClaimedSource } from "./claim-due";
import type { SourceDeps } from "./source-deps";

export type CheckOutcome = "changed" | "notModified";

const clip = (s: string | null | undefined, n: number) => (s ? s.slice(0, n) : null);

/**
 * Asks the source host for the article's source, conditionally on the newest snapshot's
 * validators, and stores a new snapshot when the extracted text's hash differs. The new snapshot
 * is not made current: the translation was made from the old one until an editor acknowledges.
 */
export async function checkOneSource(a: ClaimedSource, deps: SourceDeps, now: Date): Promise<CheckOutcome> {
  const newest = await db.sourceSnapshot.findFirst({
    where: { articleId: a.id },
    orderBy: [{ fetchedAt: "desc" }, { id: "desc" }],
    select: { id: true, contentHash: true, etag: true, lastModified: true },
  });
  if (!newest) throw new Error(`article ${a.id} has a current snapshot id but no snapshot`);
  const res = await deps.fetch(a.sourceUrl, {
    etag: newest.etag ?? undefined,
    lastModified: newest.lastModified ?? undefined,
  });
  if (res.notModified) return "notModified";
  const ex = await deps.extract(res.html, res.finalUrl);
  // an empty page (taken down, paywalled now) is a failed check, not a new version of the text
  if (!ex.segments.length) throw new AppError("INVALID", "原文页面没有提取到正文，本次检查跳过。");
  const contentHash = deps.hash(ex.segments);
  const validators = { etag: clip(res.etag, 512), lastModified: clip(res.lastModified, 100) };
  if (contentHash === newest.contentHash) {
    // same text under new validators: remember them, so the next check can be answered with 304
    if (validators.etag !== newest.etag || validators.lastModified !== newest.lastModified)
      await db.sourceSnapshot.update({ where: { id: newest.id }, data: validators });
    return "notModified";
  }
  await db.$transaction(async (tx) => {
    const snap = await tx.sourceSnapshot.create({
      data: {
        articleId: a.id,
        origin: "FETCHED",
        url: clip(res.url, 2048),
        finalUrl: clip(res.finalUrl, 2048),
        title: clip(ex.title, 300) ?? "",
        author: clip(ex.author, 200),
        siteName: clip(ex.siteName, 100),
        publishedAt: ex.publishedAt,
        leadImageUrl: clip(ex.leadImageUrl, 2048),
        segments: ex.segments as object[],
        contentHash,
        ...validators,
        fetchedAt: res.fetchedAt,
      },
      select: { id: true },
    });
    // raw: a flag is not an edit, so neither updatedAt nor the article's version moves
    await tx.$executeRaw`UPDATE articles SET "sourceChangedAt" = ${now} WHERE id = ${a.id}`;
    await audit(tx, {
      actorId: null,
      action: "translation.sourceChanged",
      targetType: "article",
      targetId: a.id,
      meta: { snapshotId: snap.id, previousSnapshotId: newest.id },
    });
  });
  await emitSourceChanged(a.id, now);
  return "changed";
}
