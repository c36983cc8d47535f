import { logger } from "@/lib/logger";
import { publishDueScheduled } from "@/lib/services/articles/publish-due-scheduled";
import { onShutdown } from "@/lib/shutdown";

const SCHEDULE_INTERVAL_MS = 30_000;

// One timer per process, even when dev hot reload evaluates this module again.
const g = globalThis as unknown as { __bylineScheduler?: NodeJS.Timeout };

/**
 * Publishes due 定时发布 articles every 30 s. Safe with several instances: the job's UPDATE claims
 * each row once. A tick that is still running when the next is due is skipped, not stacked.
 */
export function startScheduledPublisher(intervalMs = SCHEDULE_INTERVAL_MS) {
  if (g.__bylineScheduler) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const { published } = await publishDueScheduled();
      if (published.length)
        logger.info({ published }, "scheduler: published %d scheduled article(s)", published.length);
    } catch (e) {
      logger.error({ err: e }, "scheduler: publishing scheduled articles failed, will retry");
    } finally {
      running = false;
    }
  };
  // unref: the timer alone must not keep a finishing process alive
  g.__bylineScheduler = setInterval(() => void tick(), intervalMs);
  g.__bylineScheduler.unref();
  setTimeout(() => void tick(), 2_000).unref();
  onShutdown(() => {
    clearInterval(g.__bylineScheduler);
    g.__bylineScheduler = undefined;
  });
}
