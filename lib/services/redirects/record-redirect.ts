import "server-only";
import type { Db } from "@/lib/db/client";

type Tx = Pick<Db, "redirect">;

/**
 * Records that `fromPath` moved to `toPath`, inside the transaction of the change itself:
 * - `toPath` is a live page now, so a redirect away from it (the slug changed back) is dropped:
 *   no loop, and the page is served again;
 * - rows that pointed at `fromPath` are re-pointed at `toPath`, so chains collapse and every old
 *   URL answers with one 301 to the live page;
 * - then `fromPath` itself points at `toPath`.
 */
export async function recordRedirect(tx: Tx, fromPath: string, toPath: string) {
  if (fromPath === toPath) return;
  await tx.redirect.deleteMany({ where: { fromPath: toPath } });
  await tx.redirect.updateMany({ where: { toPath: fromPath }, data: { toPath } });
  await tx.redirect.upsert({
    where: { fromPath },
    create: { fromPath, toPath },
    update: { toPath },
  });
}

/** A page that is gone for good (a deleted tag): old URLs that led to it stop redirecting (404 instead). */
export async function forgetRedirectsTo(tx: Tx, path: string) {
  await tx.redirect.deleteMany({ where: { OR: [{ toPath: path }, { fromPath: path }] } });
}
