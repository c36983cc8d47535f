import "server-only";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { onShutdown } from "@/lib/shutdown";
import { flushViewCounts } from "./flush-view-counts";
import { createViewBuffer, type ViewBuffer } from "./view-buffer";
import { createViewDedupe, type ViewDedupe } from "./view-dedupe.mjs";

type Recorder = { buffer: ViewBuffer; dedupe: ViewDedupe };

function start(): Recorder {
  const buffer = createViewBuffer({
    write: (counts) => flushViewCounts(db, counts),
    onError: (e) => logger.error({ err: e }, "views: batch write failed, will retry"),
  });
  // the buffer writes each view within milliseconds (group commit); on the way out, whatever is left:
  // server/http-server.mjs runs shutdown hooks once in-flight requests are done
  onShutdown(() => buffer.flush());
  process.once("beforeExit", () => void buffer.flush());
  return { buffer, dedupe: createViewDedupe() };
}

// One per process; survives dev hot reloads so pending counts and the dedupe window are not reset.
const g = globalThis as unknown as { __bylineViews?: Recorder };

export function viewRecorder(): Recorder {
  g.__bylineViews ??= start();
  return g.__bylineViews;
}
