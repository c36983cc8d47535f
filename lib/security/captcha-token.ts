import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * A captcha travels as a sealed token in a hidden form field: id, expiry and answer encrypted
 * and authenticated with AES-256-GCM under a key derived from AUTH_SECRET. Stateless (any
 * instance can check it) and tamper-proof; the answer is unreadable without the secret, yet
 * the image route can draw it from the token alone. Single use is enforced separately
 * (used_captchas). No server-only import: the e2e suite, which runs with the server's
 * AUTH_SECRET, opens tokens to type the answer, which nobody without the secret can do.
 */

export type CaptchaPayload = { id: string; exp: number; answer: string };

const deriveKey = (secret: string) => createHash("sha256").update(`byline-captcha-v1:${secret}`).digest();

export function sealCaptcha(payload: CaptchaPayload, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", deriveKey(secret), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(payload), "utf8"), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url");
}

/** The payload, or null for anything forged, truncated or sealed under another secret. */
export function openCaptcha(token: string, secret: string): CaptchaPayload | null {
  if (token.length > 400 || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
  const raw = Buffer.from(token, "base64url");
  if (raw.length < 12 + 16 + 2) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", deriveKey(secret), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    const text = Buffer.concat([
      decipher.update(raw.subarray(12, raw.length - 16)),
      decipher.final(),
    ]).toString("utf8");
    const p = JSON.parse(text) as CaptchaPayload;
    return typeof p.id === "string" && typeof p.exp === "number" && typeof p.answer === "string" ? p : null;
  } catch {
    return null;
  }
}
