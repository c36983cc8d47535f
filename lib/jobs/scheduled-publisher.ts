import { logger } from "@/lib/logger";
import { reportJobRun } from "./job-metrics";
import { nextScheduledAt, publishDueScheduled } from "@/lib/services/articles/publish-due-scheduled";
import { onShutdown } from "@/lib/shutdown";
import { setSchedulerNudge } from "./scheduler-nudge";

const DEFAULT_INTERVAL_MS = 30_000;
/** a timer armed for a moment already past (or about to be) still waits this long */
export const MIN_ARM_DELAY_MS = 250;
const FIRST_RUN_DELAY_MS = 2_000;

type Run = (opts: { graceMs: number }) => Promise<{ published: string[]; missed: string[] }>;
type NextDue = () => Promise<Date | null>;

// One scheduler per process, even when dev hot reload evaluates this module again.
const g = globalThis as unknown as { __bylineScheduler?: { stop(): void } };

/** BYLINE_SCHEDULER_INTERVAL_MS sets how often the database is asked (default 30 s, at least 1 s). */
export function schedulerSettings(env: Record<string, string | undefined> = process.env) {
  const raw = env.BYLINE_SCHEDULER_INTERVAL_MS;
  const n = raw ? Number(raw) : NaN;
  const intervalMs = Number.isInteger(n) && n >= 1000 ? n : DEFAULT_INTERVAL_MS;
  // a schedule found later than this was missed (the server was down), not just caught by a tick
  return { intervalMs, graceMs: 2 * intervalMs + 60_000 };
}

/**
 * Publishes due 定时发布 articles on time. Every interval it asks the database (that also catches
 * what other instances scheduled, and anything missed while the server was down); after each
 * run it arms a timer for the earliest schedule due before the next tick, so an article goes out
 * at its moment, not up to an interval late. Scheduling an article in this process nudges the
 * timer (scheduler-nudge.ts). Safe with several instances: the job's UPDATE claims each row
 * once. A run asked for while one is under way is done once after it, never stacked.
 */
export function startScheduledPublisher(
  opts: {
    run?: Run;
    nextDue?: NextDue;
    env?: Record<string, string | undefined>;
    firstRunDelayMs?: number;
    now?: () => number;
  } = {},
) {
  if (g.__bylineScheduler) return;
  const { intervalMs, graceMs } = schedulerSettings(opts.env);
  const run: Run = opts.run ?? ((o) => publishDueScheduled(o));
  const nextDue: NextDue = opts.nextDue ?? nextScheduledAt;
  const now = opts.now ?? Date.now;
  let stopped = false;
  let running = false;
  let again = false;
  let armed: { at: number; timer: NodeJS.Timeout } | null = null;

  /** Arms the one-shot timer for `at` when that falls before the next regular tick. */
  const arm = (at: Date | null) => {
    if (stopped || !at) return;
    const t = at.getTime();
    const delay = Math.max(MIN_ARM_DELAY_MS, t - now());
    if (delay > intervalMs) return; // a tick comes first and arms it then
    if (armed && armed.at <= t) return; // already waking up for this or earlier
    if (armed) clearTimeout(armed.timer);
    const timer = setTimeout(() => {
      armed = null;
      void tick();
    }, delay);
    timer.unref();
    armed = { at: t, timer };
  };

  const tick = async (): Promise<void> => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const { published, missed } = await run({ graceMs });
      if (published.length)
        logger.info({ published, missed }, "scheduler: published %d scheduled article(s)", published.length);
      if (missed.length)
        logger.warn({ missed }, "scheduler: %d schedule(s) were missed and published late", missed.length);
      arm(await nextDue());
      reportJobRun("scheduled-publish", true, published.length);
    } catch (e) {
      reportJobRun("scheduled-publish", false);
      logger.error({ err: e }, "scheduler: publishing scheduled articles failed, will retry");
    } finally {
      running = false;
    }
    if (again && !stopped) {
      again = false;
      await tick();
    }
  };

  // unref: the timers alone must not keep a finishing process alive
  const interval = setInterval(() => void tick(), intervalMs);
  interval.unref();
  const first = setTimeout(() => void tick(), opts.firstRunDelayMs ?? FIRST_RUN_DELAY_MS);
  first.unref();
  setSchedulerNudge(arm);
  const stop = () => {
    stopped = true;
    clearInterval(interval);
    clearTimeout(first);
    if (armed) clearTimeout(armed.timer);
    armed = null;
    setSchedulerNudge(null);
    g.__bylineScheduler = undefined;
  };
  g.__bylineScheduler = { stop };
  onShutdown(stop);
  return stop;
}
