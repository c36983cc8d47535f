import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { attemptDelivery, type DeliveryDeps } from "@/lib/webhooks/deliver";
import { reportJobRun } from "./job-metrics";
import { sendJob, startJobQueue, WEBHOOK_QUEUE, workQueue } from "./queue";

/** A due delivery older than this without an attempt lost its job (a crash, no queue at emit). */
const SWEEP_GRACE_MS = 60_000;
const SWEEP_INTERVAL_MS = 60_000;
const SWEEP_BATCH = 200;

const g = globalThis as unknown as { __bylineWebhookWorker?: { stop(): void } };

/** Delivers one delivery and, after a retryable failure, queues its next try at the backoff's time. */
export async function handleDeliveryJob(deliveryId: string, deps: DeliveryDeps = {}): Promise<void> {
  try {
    const outcome = await attemptDelivery(deliveryId, deps);
    if (outcome.status === "RETRY") await sendJob(WEBHOOK_QUEUE, { deliveryId }, outcome.at);
    if (outcome.status !== "skipped") reportJobRun("webhook-delivery", true, 1);
  } catch (err) {
    // the claim's lease runs out and the sweep queues it again
    reportJobRun("webhook-delivery", false);
    logger.error({ err, deliveryId }, "webhooks: delivery attempt failed unexpectedly");
  }
}

/**
 * Queues PENDING deliveries that are overdue by more than the grace. Duplicated jobs are harmless:
 * attemptDelivery's claim lets only one of them act.
 */
export async function sweepDueDeliveries(now = new Date(), graceMs = SWEEP_GRACE_MS): Promise<number> {
  const due = await db.webhookDelivery.findMany({
    where: { status: "PENDING", nextAttemptAt: { lte: new Date(now.getTime() - graceMs) } },
    orderBy: { nextAttemptAt: "asc" },
    take: SWEEP_BATCH,
    select: { id: true },
  });
  for (const d of due) await sendJob(WEBHOOK_QUEUE, { deliveryId: d.id });
  return due.length;
}

/** Starts the job queue and the webhook worker with its sweep (instrumentation.ts). */
export async function startWebhookWorker(opts: { deps?: DeliveryDeps; sweepGraceMs?: number } = {}) {
  if (g.__bylineWebhookWorker) return;
  g.__bylineWebhookWorker = { stop: () => {} };
  await startJobQueue();
  const working = await workQueue<{ deliveryId: string }>(WEBHOOK_QUEUE, (data) =>
    typeof data?.deliveryId === "string" ? handleDeliveryJob(data.deliveryId, opts.deps) : Promise.resolve(),
  ).catch((err: unknown) => {
    logger.error({ err }, "webhooks: the worker did not start");
    return false;
  });
  if (!working) {
    g.__bylineWebhookWorker = undefined;
    return;
  }
  const sweep = () =>
    void sweepDueDeliveries(new Date(), opts.sweepGraceMs).catch((err: unknown) =>
      logger.error({ err }, "webhooks: the sweep failed"),
    );
  sweep();
  const timer = setInterval(sweep, SWEEP_INTERVAL_MS);
  timer.unref();
  g.__bylineWebhookWorker = {
    stop: () => {
      clearInterval(timer);
      g.__bylineWebhookWorker = undefined;
    },
  };
}

/** Tests: stops the sweep timer (the queue itself: stopJobQueue). */
export function stopWebhookWorker() {
  g.__bylineWebhookWorker?.stop();
}
