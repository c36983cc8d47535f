import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhookSignature } from "./sign";

const secret = "whsec_test";
const body = JSON.stringify({
  id: "evt_1",
  event: "article.published",
  data: { article: { title: "标题" } },
});
const at = new Date("2026-12-03T08:00:00Z");
const t = Math.floor(at.getTime() / 1000);

describe("webhook signatures", () => {
  it("signs t=<seconds>,v1=<hex HMAC-SHA256 of '<t>.<body>'>", () => {
    const expected = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
    expect(signWebhook(secret, body, at)).toBe(`t=${t},v1=${expected}`);
  });

  it("verifies its own signature within the window", () => {
    const header = signWebhook(secret, body, at);
    expect(verifyWebhookSignature(secret, header, body, { now: new Date(at.getTime() + 299_000) })).toEqual({
      ok: true,
      timestamp: t,
    });
    expect(verifyWebhookSignature(secret, header, Buffer.from(body), { now: at }).ok).toBe(true);
  });

  it("refuses a tampered body, a wrong secret, an old or future timestamp, a bad header", () => {
    const header = signWebhook(secret, body, at);
    const v = (h: string | null, b = body, now = at, s = secret) => verifyWebhookSignature(s, h, b, { now });
    expect(v(header, body.replace("标题", "改过"))).toEqual({ ok: false, reason: "signature mismatch" });
    expect(v(header, body, at, "whsec_other")).toEqual({ ok: false, reason: "signature mismatch" });
    expect(v(header, body, new Date(at.getTime() + 301_000))).toMatchObject({
      ok: false,
      reason: /timestamp/,
    });
    expect(v(header, body, new Date(at.getTime() - 301_000))).toMatchObject({
      ok: false,
      reason: /timestamp/,
    });
    // the timestamp is signed: moving it forward breaks the signature
    expect(v(header.replace(`t=${t}`, `t=${t + 10}`))).toEqual({ ok: false, reason: "signature mismatch" });
    expect(v(null).ok).toBe(false);
    expect(v("v1=abc").ok).toBe(false);
    expect(v(`t=${t},v1=zz`).ok).toBe(false);
    expect(v(`t=${t},v1=${"0".repeat(64)}`).ok).toBe(false);
  });

  it("accepts any one of several v1 values (secret rotation)", () => {
    const good = signWebhook(secret, body, at).split(",")[1]!;
    expect(verifyWebhookSignature(secret, `t=${t},v1=${"ab".repeat(32)},${good}`, body, { now: at }).ok).toBe(
      true,
    );
  });

  it("honours a custom tolerance", () => {
    const header = signWebhook(secret, body, at);
    const later = new Date(at.getTime() + 60_000);
    expect(verifyWebhookSignature(secret, header, body, { now: later, toleranceSeconds: 30 }).ok).toBe(false);
  });
});
