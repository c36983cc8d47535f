import "server-only";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { onShutdown } from "@/lib/shutdown";
import { flushViewCounts } from "./flush-view-counts";
import { createViewBuffer, type ViewBuffer } from "./view-buffer";
import { createClaimPruner } from "./view-claims.mjs";
import { createViewDedupe, VIEW_WINDOW_MS } from "./view-dedupe.mjs";

/** This process' memory, or the primary's when the server runs several workers (server/primary-requests.mjs). */
type Dedupe = { shouldCount(visitorId: string, articleId: string): boolean | Promise<boolean> };
type Recorder = { buffer: ViewBuffer; dedupe: Dedupe };

function start(): Recorder {
  // expired claims are pruned here too: with BYLINE_VIEW_BEACON=0 no server counter writes claims
  const pruner = createClaimPruner({
    rows: (sql, params) => db.$queryRawUnsafe(sql, ...params),
    windowMs: VIEW_WINDOW_MS,
    log: (msg) => logger.warn(msg),
  });
  const buffer = createViewBuffer({
    write: async (batch) => {
      await flushViewCounts(db, batch);
      pruner.maybe();
    },
    onError: (e) => logger.error({ err: e }, "views: batch write failed, will retry"),
  });
  // the buffer writes each view within milliseconds (group commit); on the way out, whatever is left:
  // server/http-server.mjs runs shutdown hooks once in-flight requests are done
  onShutdown(() => buffer.flush());
  process.once("beforeExit", () => void buffer.flush());
  const shared = (globalThis as unknown as { __bylineViewDedupe?: Dedupe }).__bylineViewDedupe;
  return { buffer, dedupe: shared ?? createViewDedupe() };
}

// One per process; survives dev hot reloads so pending counts and the dedupe window are not reset.
const g = globalThis as unknown as { __bylineViews?: Recorder };

export function viewRecorder(): Recorder {
  g.__bylineViews ??= start();
  return g.__bylineViews;
}
