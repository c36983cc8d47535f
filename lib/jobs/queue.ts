import type PgBoss from "pg-boss";
import { logger } from "@/lib/logger";
import { onShutdown } from "@/lib/shutdown";

/**
 * The job runner: one pg-boss per process (dev hot reload evaluates this module again), its
 * tables in the `pgboss` schema of the app's own database, so a job is as durable as the row it
 * points at and there is nothing else to deploy. Started from instrumentation.ts; stopped on
 * shutdown before the database is.
 */

export const WEBHOOK_QUEUE = "webhook-delivery";

type Runner = { boss: Promise<PgBoss | null> };
const g = globalThis as unknown as { __bylineJobQueue?: Runner };

const POLL_SECONDS = 2;

/** Starts pg-boss once; resolves null (logged) when it cannot, so the server still serves. */
export function startJobQueue(connectionString = process.env.DATABASE_URL): Promise<PgBoss | null> {
  if (g.__bylineJobQueue) return g.__bylineJobQueue.boss;
  const boss = (async () => {
    if (!connectionString) return null;
    try {
      const { default: Boss } = await import("pg-boss");
      const b = new Boss({ connectionString, schema: "pgboss", max: 4, application_name: "byline-jobs" });
      b.on("error", (err) => logger.error({ err }, "job queue error"));
      await b.start();
      onShutdown(() => b.stop({ graceful: true, timeout: 5_000 }));
      return b;
    } catch (err) {
      logger.error({ err }, "job queue: pg-boss did not start; jobs wait for the next start");
      return null;
    }
  })();
  g.__bylineJobQueue = { boss };
  return boss;
}

/** Registers a worker for `name` (the queue is created first: pg-boss 10 requires it). */
export async function workQueue<T extends object>(
  name: string,
  handler: (data: T) => Promise<void>,
): Promise<boolean> {
  const boss = await g.__bylineJobQueue?.boss;
  if (!boss) return false;
  await boss.createQueue(name, { name, retryLimit: 0 });
  await boss.work<T>(name, { batchSize: 1, pollingIntervalSeconds: POLL_SECONDS }, async (jobs) => {
    for (const job of jobs) await handler(job.data);
  });
  return true;
}

/**
 * Queues a job when this process runs the queue; false otherwise (scripts, unit tests), which is
 * fine for callers whose rows a sweep picks up later. Never throws.
 */
export async function sendJob(name: string, data: object, startAfter?: Date): Promise<boolean> {
  try {
    const boss = await g.__bylineJobQueue?.boss;
    if (!boss) return false;
    return (await boss.send(name, data, startAfter ? { startAfter } : {})) !== null;
  } catch (err) {
    logger.warn({ err, queue: name }, "job queue: could not queue a job; the sweep will pick it up");
    return false;
  }
}

/** Tests: stops this process' runner and forgets it. */
export async function stopJobQueue(): Promise<void> {
  const boss = await g.__bylineJobQueue?.boss;
  g.__bylineJobQueue = undefined;
  await boss?.stop({ graceful: false, timeout: 1_000 });
}
