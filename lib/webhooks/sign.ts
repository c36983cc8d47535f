import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Webhook signatures: `Byline-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`.
 * The timestamp is signed with the body, so a captured request cannot be replayed later than the
 * receiver's window (verifyWebhookSignature's `toleranceSeconds`) and the body cannot be altered.
 */

export const SIGNATURE_HEADER = "Byline-Signature";

const hmac = (secret: string, t: number, body: string | Buffer) =>
  createHmac("sha256", secret).update(`${t}.`).update(body).digest("hex");

export function signWebhook(secret: string, body: string | Buffer, now: Date = new Date()): string {
  const t = Math.floor(now.getTime() / 1000);
  return `t=${t},v1=${hmac(secret, t, body)}`;
}

export type VerifyResult = { ok: true; timestamp: number } | { ok: false; reason: string };

/**
 * For receivers (and our tests): checks the header against the raw body as received, byte for
 * byte (re-serialising parsed JSON would change it). Any of several v1 values may match, so a
 * sender rotating secrets can send both. Constant-time compare.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | null | undefined,
  body: string | Buffer,
  { now = new Date(), toleranceSeconds = 300 }: { now?: Date; toleranceSeconds?: number } = {},
): VerifyResult {
  if (!header) return { ok: false, reason: "missing signature header" };
  const parts = header.split(",").map((p) => p.trim().split("="));
  const ts = parts.find(([k]) => k === "t")?.[1];
  const candidates = parts.filter(([k, v]) => k === "v1" && v).map(([, v]) => v!);
  if (!ts || !/^\d{1,12}$/.test(ts) || candidates.length === 0)
    return { ok: false, reason: "malformed signature header" };
  const t = Number(ts);
  if (Math.abs(now.getTime() / 1000 - t) > toleranceSeconds)
    return { ok: false, reason: "timestamp outside the tolerance window" };
  const expected = Buffer.from(hmac(secret, t, body), "hex");
  const match = candidates.some((c) => {
    const got = Buffer.from(c, "hex");
    return got.length === expected.length && timingSafeEqual(got, expected);
  });
  return match ? { ok: true, timestamp: t } : { ok: false, reason: "signature mismatch" };
}
