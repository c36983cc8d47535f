import "server-only";
import { db } from "@/lib/db";
import { nextAttemptAt, retryBaseMs } from "./backoff";
import { postWebhook, type PostDeps, type PostResult } from "./post";
import { openWebhookSecret } from "./secret";
import { SIGNATURE_HEADER, signWebhook } from "./sign";

export type DeliveryDeps = PostDeps & { now?: () => Date; baseMs?: number; random?: () => number };

export type AttemptOutcome =
  { status: "skipped" } | { status: "SUCCEEDED" | "FAILED" } | { status: "RETRY"; at: Date };

/** Longer than one attempt can take (10 s deadline): a claim outlives its attempt. */
const LEASE_MS = 2 * 60_000;

const clip = (s: string | null, n: number) => (s ? s.slice(0, n) : null);

/**
 * One attempt of one delivery. The row is claimed first with a conditional UPDATE (still PENDING,
 * due now): the claim pushes nextAttemptAt a lease ahead, so a second job for the same delivery
 * (another instance, the sweep) finds nothing to do, and a delivery succeeds exactly once. The
 * attempt is logged, and the row records the outcome: SUCCEEDED, RETRY at the backoff's time
 * (the caller schedules the job), or FAILED when the 24 hours are up or retrying cannot help.
 */
export async function attemptDelivery(deliveryId: string, deps: DeliveryDeps = {}): Promise<AttemptOutcome> {
  const now = deps.now?.() ?? new Date();
  const lease = new Date(now.getTime() + LEASE_MS);
  const claimed = await db.webhookDelivery.updateMany({
    where: {
      id: deliveryId,
      status: "PENDING",
      OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }],
    },
    data: { nextAttemptAt: lease },
  });
  if (claimed.count === 0) return { status: "skipped" };
  const d = await db.webhookDelivery.findUniqueOrThrow({
    where: { id: deliveryId },
    select: {
      event: true,
      payload: true,
      attempts: true,
      createdAt: true,
      webhook: { select: { id: true, url: true, secret: true, active: true } },
    },
  });
  const result = await send(deliveryId, d, deps);
  const failedAttempts = d.attempts + 1;
  const retryAt =
    result.ok || !result.isRetryable
      ? null
      : nextAttemptAt({ createdAt: d.createdAt, failedAttempts }, deps.now?.() ?? new Date(), {
          baseMs: deps.baseMs ?? retryBaseMs(),
          random: deps.random,
        });
  const status = result.ok ? "SUCCEEDED" : retryAt ? "PENDING" : "FAILED";
  const error = clip(result.error, 500);
  await db.$transaction([
    db.webhookAttempt.create({
      data: {
        deliveryId,
        statusCode: result.statusCode,
        durationMs: result.durationMs,
        error,
        ok: result.ok,
      },
    }),
    // guarded by the lease: only the claimant writes the outcome
    db.webhookDelivery.updateMany({
      where: { id: deliveryId, status: "PENDING", nextAttemptAt: lease },
      data: {
        status,
        attempts: { increment: 1 },
        nextAttemptAt: retryAt,
        lastStatusCode: result.statusCode,
        lastDurationMs: result.durationMs,
        lastError: error,
        ...(result.ok ? { deliveredAt: new Date() } : {}),
      },
    }),
  ]);
  return retryAt ? { status: "RETRY", at: retryAt } : { status: result.ok ? "SUCCEEDED" : "FAILED" };
}

type Loaded = {
  event: string;
  payload: unknown;
  webhook: { id: string; url: string; secret: string; active: boolean };
};

async function send(deliveryId: string, d: Loaded, deps: DeliveryDeps): Promise<PostResult> {
  const refused = (error: string): PostResult => ({
    ok: false,
    statusCode: null,
    durationMs: 0,
    error,
    isRetryable: false,
  });
  if (!d.webhook.active) return refused("Webhook 已停用，未发送。");
  const secret = openWebhookSecret(d.webhook.id, d.webhook.secret);
  if (!secret) return refused("签名密钥无法读取（AUTH_SECRET 可能已更换），请删除后重新创建此 Webhook。");
  const body = JSON.stringify(d.payload);
  return postWebhook(
    d.webhook.url,
    body,
    {
      [SIGNATURE_HEADER]: signWebhook(secret, body),
      "Byline-Event": d.event,
      "Byline-Delivery": deliveryId,
    },
    deps,
  );
}
