import { logger } from "@/lib/logger";
import { reportJobRun } from "./job-metrics";
import { checkSourceUpdates } from "@/lib/services/translation/source-updates/check-source-updates";
import { onShutdown } from "@/lib/shutdown";

const DEFAULT_INTERVAL_MS = 30 * 60_000;
/** The first run waits this long after boot: starting a server should not start with a crawl. */
const FIRST_RUN_DELAY_MS = 60_000;
/** How long shutdown waits for the request under way (the fetcher's own limit is 10 s). */
const SHUTDOWN_WAIT_MS = 3_000;

type Run = (opts: { signal: AbortSignal }) => Promise<{ checked: number; changed: string[]; failed: number }>;

// One timer per process, even when dev hot reload evaluates this module again.
const g = globalThis as unknown as { __bylineSourceChecker?: { stop(): Promise<void> } };

/** BYLINE_SOURCE_CHECK=off disables the job; BYLINE_SOURCE_CHECK_INTERVAL_MS sets its period. */
export function sourceCheckSettings(env: Record<string, string | undefined> = process.env) {
  const raw = env.BYLINE_SOURCE_CHECK_INTERVAL_MS;
  const n = raw ? Number(raw) : NaN;
  return {
    isEnabled: env.BYLINE_SOURCE_CHECK?.toLowerCase() !== "off",
    intervalMs: Number.isInteger(n) && n >= 1000 ? n : DEFAULT_INTERVAL_MS,
  };
}

/**
 * Re-checks the sources of recent translations (原文已更新) every 30 minutes. Safe with several
 * instances: each run claims its articles in the database first. A run still going when the next
 * is due is skipped, not stacked; shutdown stops it before its next request.
 */
export function startSourceUpdateChecker(
  opts: {
    intervalMs?: number;
    firstRunDelayMs?: number;
    run?: Run;
    env?: Record<string, string | undefined>;
  } = {},
) {
  const settings = sourceCheckSettings(opts.env);
  if (!settings.isEnabled || g.__bylineSourceChecker) return;
  const run: Run = opts.run ?? ((o) => checkSourceUpdates(o));
  const controller = new AbortController();
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running || controller.signal.aborted) return;
    running = (async () => {
      try {
        const r = await run({ signal: controller.signal });
        reportJobRun("source-updates", true, r.checked);
        if (r.checked)
          logger.info(
            { changed: r.changed, failed: r.failed },
            "source updates: checked %d source(s), %d changed",
            r.checked,
            r.changed.length,
          );
      } catch (e) {
        reportJobRun("source-updates", false);
        logger.error({ err: e }, "source updates: the run failed, will retry");
      } finally {
        running = null;
      }
    })();
  };
  // unref: the timers alone must not keep a finishing process alive
  const interval = setInterval(tick, opts.intervalMs ?? settings.intervalMs);
  interval.unref();
  const first = setTimeout(tick, opts.firstRunDelayMs ?? FIRST_RUN_DELAY_MS);
  first.unref();
  const stop = async () => {
    clearInterval(interval);
    clearTimeout(first);
    controller.abort();
    g.__bylineSourceChecker = undefined;
    if (running) await Promise.race([running, new Promise((r) => setTimeout(r, SHUTDOWN_WAIT_MS).unref())]);
  };
  g.__bylineSourceChecker = { stop };
  onShutdown(stop);
  return stop;
}
