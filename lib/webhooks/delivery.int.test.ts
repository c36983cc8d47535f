import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { Resolver } from "@/lib/net/check-hop";
import type { Connector } from "@/lib/net/connect";
import { createActor } from "@/lib/services/articles/test-helpers";
import { createWebhook } from "@/lib/services/webhooks/create-webhook";
import { startWebhookReceiver, type WebhookReceiver } from "@/lib/test/webhook-receiver";
import { attemptDelivery } from "./deliver";
import { emitWebhookEvent } from "./emit";
import { newWebhookId, sealWebhookSecret } from "./secret";

/**
 * Deliveries end to end against a receiver on 127.0.0.1: signatures, retries, the claim that
 * makes a delivery succeed once, and the network guard at delivery time. No test resolves a real
 * name or connects outside loopback: names go to an injected resolver, and the refusal tests
 * inject a connector that fails the test when called.
 */

process.env.AUTH_SECRET ??= "integration-test-secret-".padEnd(43, "x");

let receiver: WebhookReceiver;
beforeAll(async () => {
  vi.stubEnv("BYLINE_TEST_ALLOW_LOOPBACK_WEBHOOKS", "1");
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await receiver.close();
});
beforeEach(async () => {
  await db.webhook.deleteMany(); // each test's webhooks are the only ones listening
  receiver.received.length = 0;
  receiver.script();
});

const published = {
  article: {
    publicId: "abc123",
    url: "http://localhost:3000/posts/abc123",
    title: "某漏洞分析",
    lede: "导语",
    publishedAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    category: { slug: "vuln", name: "漏洞" },
    tags: ["apt"],
    isTranslation: false,
  },
};

async function hookAndDelivery(events: string[] = ["article.published"]) {
  const admin = await createActor("ADMIN");
  const hook = await createWebhook(admin, { name: "接收端", url: receiver.url, events });
  receiver.setSecret(hook.secret);
  await emitWebhookEvent("article.published", published);
  const d = await db.webhookDelivery.findFirstOrThrow({ where: { webhookId: hook.id } });
  return { hook, delivery: d };
}

describe("delivering to a local receiver", () => {
  it("POSTs the event as JSON with a signature the receiver verifies, and logs the attempt", async () => {
    const { hook, delivery } = await hookAndDelivery();
    expect(delivery).toMatchObject({ status: "PENDING", attempts: 0, event: "article.published" });
    expect(await attemptDelivery(delivery.id)).toEqual({ status: "SUCCEEDED" });
    expect(receiver.received).toHaveLength(1);
    const got = receiver.received[0]!;
    expect(got.verified).toBe(true);
    expect(got.headers["byline-event"]).toBe("article.published");
    expect(got.headers["byline-delivery"]).toBe(delivery.id);
    expect(got.headers["content-type"]).toMatch(/^application\/json/);
    const body = JSON.parse(got.body);
    expect(body).toMatchObject({ event: "article.published", data: published });
    expect(body.id).toMatch(/^evt_/);
    expect(Date.parse(body.created_at)).not.toBeNaN();
    const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(row).toMatchObject({ status: "SUCCEEDED", attempts: 1, lastStatusCode: 200, nextAttemptAt: null });
    expect(row.deliveredAt).toBeInstanceOf(Date);
    const attempts = await db.webhookAttempt.findMany({ where: { deliveryId: delivery.id } });
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ ok: true, statusCode: 200, error: null });
    expect(attempts[0]!.durationMs).toBeGreaterThanOrEqual(0);
    // a signature made with another webhook's secret does not verify
    receiver.setSecret("whsec_someone-else");
    await emitWebhookEvent("article.published", published);
    const second = await db.webhookDelivery.findFirstOrThrow({
      where: { webhookId: hook.id, id: { not: delivery.id } },
    });
    await attemptDelivery(second.id);
    expect(receiver.received[1]!.verified).toBe(false);
  });

  it("only webhooks that are active and subscribed to the event get a delivery", async () => {
    const admin = await createActor("ADMIN");
    const a = await createWebhook(admin, { name: "a", url: receiver.url, events: ["article.published"] });
    const b = await createWebhook(admin, { name: "b", url: receiver.url, events: ["comment.approved"] });
    const c = await createWebhook(admin, { name: "c", url: receiver.url, events: ["article.published"] });
    await db.webhook.update({ where: { id: c.id }, data: { active: false } });
    await emitWebhookEvent("article.published", published);
    const rows = await db.webhookDelivery.findMany({ select: { webhookId: true } });
    expect(rows.map((r) => r.webhookId)).toEqual([a.id]);
    expect(b.id).not.toBe(a.id);
  });

  it("a receiver that fails twice then succeeds: three attempts, exactly one successful, SUCCEEDED", async () => {
    const { delivery } = await hookAndDelivery();
    receiver.script(500, 503);
    let now = new Date();
    const outcomes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const o = await attemptDelivery(delivery.id, { now: () => now, baseMs: 1000, random: () => 0.5 });
      outcomes.push(o.status);
      if (o.status !== "RETRY") break;
      const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
      expect(row.nextAttemptAt).toEqual(o.at);
      // not due yet: a job that arrives early changes nothing
      expect(await attemptDelivery(delivery.id, { now: () => now })).toEqual({ status: "skipped" });
      now = o.at;
    }
    expect(outcomes).toEqual(["RETRY", "RETRY", "SUCCEEDED"]);
    // a late duplicate job does not send it again
    expect(await attemptDelivery(delivery.id, { now: () => new Date(now.getTime() + 3_600_000) })).toEqual({
      status: "skipped",
    });
    expect(receiver.received).toHaveLength(3);
    expect(receiver.received.every((r) => r.verified)).toBe(true);
    const attempts = await db.webhookAttempt.findMany({
      where: { deliveryId: delivery.id },
      orderBy: { createdAt: "asc" },
    });
    expect(attempts.map((a) => [a.ok, a.statusCode])).toEqual([
      [false, 500],
      [false, 503],
      [true, 200],
    ]);
    const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(row).toMatchObject({ status: "SUCCEEDED", attempts: 3, lastStatusCode: 200 });
  });

  it("two workers on the same delivery at once: one sends, the other finds it claimed", async () => {
    const slow = await startWebhookReceiver({ delayMs: 300 });
    try {
      const admin = await createActor("ADMIN");
      await createWebhook(admin, { name: "slow", url: slow.url, events: ["article.published"] });
      await emitWebhookEvent("article.published", published);
      const d = await db.webhookDelivery.findFirstOrThrow();
      const both = await Promise.all([attemptDelivery(d.id), attemptDelivery(d.id)]);
      expect(both.map((o) => o.status).sort()).toEqual(["SUCCEEDED", "skipped"]);
      expect(slow.received).toHaveLength(1);
      expect(await db.webhookAttempt.count({ where: { deliveryId: d.id, ok: true } })).toBe(1);
    } finally {
      await slow.close();
    }
  });

  it("gives up (FAILED) once the next try would fall past 24 hours", async () => {
    const { delivery } = await hookAndDelivery();
    receiver.script(500);
    const late = new Date(delivery.createdAt.getTime() + 24 * 3_600_000 - 5_000);
    expect(await attemptDelivery(delivery.id, { now: () => late })).toEqual({ status: "FAILED" });
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({
      status: "FAILED",
      nextAttemptAt: null,
      lastStatusCode: 500,
      lastError: "HTTP 500",
    });
  });

  it("does not follow a redirect", async () => {
    const { delivery } = await hookAndDelivery();
    receiver.script(302);
    const o = await attemptDelivery(delivery.id);
    expect(o.status).toBe("RETRY");
    expect(receiver.received).toHaveLength(1); // the Location (10.0.0.5) was never tried
    const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(row.lastStatusCode).toBe(302);
    expect(row.lastError).toMatch(/不跟随重定向/);
  });

  it("the ping event goes to one webhook whatever it subscribes to", async () => {
    const admin = await createActor("ADMIN");
    const hook = await createWebhook(admin, { name: "p", url: receiver.url, events: ["comment.approved"] });
    receiver.setSecret(hook.secret);
    const { sendTestPing } = await import("@/lib/services/webhooks/send-test-ping");
    const { id } = await sendTestPing(admin, { id: hook.id });
    expect(await attemptDelivery(id)).toEqual({ status: "SUCCEEDED" });
    expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({
      event: "ping",
      data: { webhook: { name: "p" } },
    });
    expect(receiver.received[0]!.verified).toBe(true);
  });
});

describe("private addresses refused before any connection", () => {
  const connect = vi.fn<Connector>(() => {
    throw new Error("the connector must not be called for a refused address");
  });
  const resolve = vi.fn<Resolver>(async (name) => {
    const table: Record<string, string> = {
      "intranet.example": "10.0.0.5",
      "metadata-alias.example": "169.254.169.254",
      "v6-private.example": "fd00::5",
    };
    if (!table[name]) throw new Error("ENOTFOUND");
    return [{ address: table[name], family: table[name].includes(":") ? 6 : 4 }];
  });

  /** A webhook row whose host resolved publicly when saved and privately now (DNS rebinding). */
  async function rowFor(url: string) {
    const id = newWebhookId();
    await db.webhook.create({
      data: { id, name: "rebound", url, events: ["article.published"], secret: sealWebhookSecret(id, "s") },
    });
    await emitWebhookEvent("article.published", published);
    return db.webhookDelivery.findFirstOrThrow({ where: { webhookId: id } });
  }

  it.each([
    ["http://intranet.example/hook", "intranet.example"],
    ["https://metadata-alias.example/hook", "metadata-alias.example"],
    ["https://v6-private.example/hook", "v6-private.example"],
    ["http://169.254.169.254/latest/meta-data/", "169.254.169.254"],
    ["http://10.0.0.5/hook", "10.0.0.5"],
  ])("at delivery: %s is FAILED at once, naming the host, without connecting", async (url, host) => {
    vi.stubEnv("BYLINE_TEST_ALLOW_LOOPBACK_WEBHOOKS", "");
    try {
      const d = await rowFor(url);
      expect(await attemptDelivery(d.id, { resolve, connect })).toEqual({ status: "FAILED" });
      const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: d.id } });
      expect(row.lastError).toBe(`不能发送到内网、本机或云元数据地址：${host}`);
      expect(row.lastStatusCode).toBeNull();
      expect(connect).not.toHaveBeenCalled();
    } finally {
      vi.stubEnv("BYLINE_TEST_ALLOW_LOOPBACK_WEBHOOKS", "1");
    }
  });

  it("loopback is refused too without the test-only allowance", async () => {
    vi.stubEnv("BYLINE_TEST_ALLOW_LOOPBACK_WEBHOOKS", "");
    try {
      const d = await rowFor(receiver.url);
      const before = receiver.connections();
      // the real connector here: the listener itself shows that nothing reached it
      expect(await attemptDelivery(d.id, { resolve })).toEqual({ status: "FAILED" });
      expect(receiver.connections()).toBe(before);
    } finally {
      vi.stubEnv("BYLINE_TEST_ALLOW_LOOPBACK_WEBHOOKS", "1");
    }
  });
});
