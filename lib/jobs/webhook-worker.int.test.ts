import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createActor } from "@/lib/services/articles/test-helpers";
import { createWebhook } from "@/lib/services/webhooks/create-webhook";
import { startWebhookReceiver, type WebhookReceiver } from "@/lib/test/webhook-receiver";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { stopJobQueue } from "./queue";
import { startWebhookWorker, stopWebhookWorker, sweepDueDeliveries } from "./webhook-worker";

/**
 * The real job runner: pg-boss on the test database (schema pgboss), the webhook worker with a
 * 300 ms backoff base, a receiver on 127.0.0.1 that fails twice and then answers 200.
 */

process.env.AUTH_SECRET ??= "integration-test-secret-".padEnd(43, "x");

let receiver: WebhookReceiver;
beforeAll(async () => {
  vi.stubEnv("BYLINE_TEST_ALLOW_LOOPBACK_WEBHOOKS", "1");
  receiver = await startWebhookReceiver();
  await db.webhook.deleteMany();
  await startWebhookWorker({ deps: { baseMs: 300, random: () => 0.5 } });
});
afterAll(async () => {
  stopWebhookWorker();
  await stopJobQueue();
  await receiver.close();
  vi.unstubAllEnvs();
});

async function settled(id: string, timeoutMs = 45_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id } });
    if (row.status !== "PENDING" || Date.now() > until) return row;
    await new Promise((r) => setTimeout(r, 250));
  }
}

it("fails twice, then succeeds: three attempts through the queue, exactly one successful", async () => {
  const admin = await createActor("ADMIN");
  const hook = await createWebhook(admin, { name: "队列", url: receiver.url, events: ["comment.approved"] });
  receiver.setSecret(hook.secret);
  receiver.script(500, 502);
  await emitWebhookEvent("comment.approved", {
    comment: {
      id: "c1",
      url: "http://localhost:3000/posts/x#comment-c1",
      body: "好",
      authorName: "读者",
      createdAt: new Date().toISOString(),
    },
    article: { publicId: "x", url: "http://localhost:3000/posts/x", title: "标题" },
  });
  const d = await db.webhookDelivery.findFirstOrThrow({ where: { webhookId: hook.id } });
  const row = await settled(d.id);
  expect(row).toMatchObject({ status: "SUCCEEDED", attempts: 3, lastStatusCode: 200 });
  expect(receiver.received.map((r) => r.verified)).toEqual([true, true, true]);
  const attempts = await db.webhookAttempt.findMany({ where: { deliveryId: d.id }, orderBy: { id: "asc" } });
  expect(attempts.map((a) => a.statusCode)).toEqual([500, 502, 200]);
  expect(attempts.filter((a) => a.ok)).toHaveLength(1);
});

it("the sweep sends a delivery whose job was lost", async () => {
  const hook = await db.webhook.findFirstOrThrow();
  receiver.received.length = 0;
  const orphan = await db.webhookDelivery.create({
    data: {
      webhookId: hook.id,
      event: "ping",
      payload: { id: "evt_orphan", event: "ping", created_at: new Date().toISOString(), data: {} },
      nextAttemptAt: new Date(Date.now() - 5 * 60_000),
    },
  });
  expect(await sweepDueDeliveries()).toBeGreaterThanOrEqual(1);
  expect(await settled(orphan.id)).toMatchObject({ status: "SUCCEEDED", attempts: 1 });
  expect(receiver.received).toHaveLength(1);
});
