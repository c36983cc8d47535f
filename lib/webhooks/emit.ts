import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sendJob, WEBHOOK_QUEUE } from "@/lib/jobs/queue";
import { logger } from "@/lib/logger";
import {
  webhookDataSchemas,
  type DeliveredEvent,
  type WebhookData,
  type WebhookEnvelope,
  type WebhookEvent,
} from "./events";

/** The data, or a function that builds it (only called when some webhook listens; null: send nothing). */
type DataSource<E extends DeliveredEvent> = WebhookData<E> | (() => Promise<WebhookData<E> | null>);

export function envelopeOf<E extends DeliveredEvent>(event: E, data: WebhookData<E>): WebhookEnvelope<E> {
  return { id: `evt_${randomUUID()}`, event, created_at: new Date().toISOString(), data };
}

/**
 * One PENDING delivery per webhook, due now, then a job for each. Without a running job queue
 * (a script, a test) the rows still stand and the worker's sweep sends them when it starts.
 */
export async function queueDeliveries(
  webhookIds: string[],
  envelope: WebhookEnvelope,
  replayOfId: string | null = null,
): Promise<string[]> {
  const now = new Date();
  const rows = await db.webhookDelivery.createManyAndReturn({
    data: webhookIds.map((webhookId) => ({
      webhookId,
      event: envelope.event,
      payload: envelope as unknown as Prisma.InputJsonValue,
      nextAttemptAt: now,
      replayOfId,
    })),
    select: { id: true },
  });
  for (const r of rows) await sendJob(WEBHOOK_QUEUE, { deliveryId: r.id });
  return rows.map((r) => r.id);
}

/**
 * Tells every active webhook subscribed to `event`. Called after the change's transaction has
 * committed (a rolled-back publish must not be announced), and it never throws: a webhook
 * problem is logged, and the editor's publish still succeeds.
 */
export async function emitWebhookEvent<E extends WebhookEvent>(
  event: E,
  source: DataSource<E>,
): Promise<void> {
  try {
    const hooks = await db.webhook.findMany({
      where: { active: true, events: { has: event } },
      select: { id: true },
    });
    if (!hooks.length) return;
    const data = typeof source === "function" ? await source() : source;
    if (!data) return;
    const envelope = envelopeOf(event, webhookDataSchemas[event].parse(data) as WebhookData<E>);
    await queueDeliveries(
      hooks.map((h) => h.id),
      envelope,
    );
  } catch (e) {
    logger.error({ err: e, event }, "webhooks: could not queue the event");
  }
}
