import type { Db } from "@/lib/db/client";
import type { PendingViews } from "./pending-views.mjs";
import { WRITE_VIEWS, writeViewsParams } from "./view-claims.mjs";
import { VIEW_WINDOW_MS } from "./view-dedupe.mjs";

/**
 * Writes a batch with the server counter's one statement (view-claims.mjs): claims each visitor
 * and article in view_claims, then adds only the claimed views, and the plain counts kept past the
 * memory bound, to the totals and the daily rows. Articles deleted since the view are skipped, not
 * an error. Returns the views added.
 */
export async function flushViewCounts(
  db: Pick<Db, "$queryRawUnsafe">,
  batch: PendingViews,
  windowMs = VIEW_WINDOW_MS,
): Promise<number> {
  if (batch.size() === 0) return 0;
  const rows = await db.$queryRawUnsafe<{ n: number }[]>(WRITE_VIEWS, ...writeViewsParams(batch, windowMs));
  return rows.reduce((sum, r) => sum + Number(r.n), 0);
}
