import "server-only";
import { randomBytes, randomInt } from "node:crypto";
import svgCaptchaModule from "svg-captcha";
import { db as defaultDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { openCaptcha, sealCaptcha } from "./captcha-token";
import type { Clock } from "./rate-limit";

const CAPTCHA_TTL_MS = 10 * 60_000;
/** no 0/O, 1/I/L: a human must be able to read it */
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const LENGTH = 5;
// the package's default export draws a given text; its typings only declare create()
const drawText = svgCaptchaModule as unknown as (
  text: string,
  options: svgCaptchaModule.ConfigObject,
) => string;

let devSecret: string | undefined;
/** AUTH_SECRET (required in production by lib/env.ts); a per-process key in tests without one. */
function secret(): string {
  const s = env().AUTH_SECRET;
  if (s) return s;
  if (process.env.NODE_ENV === "production") throw new Error("AUTH_SECRET is required for captchas");
  return (devSecret ??= randomBytes(32).toString("base64url"));
}

export function newCaptchaToken(now: number = Date.now()): string {
  const answer = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return sealCaptcha(
    { id: randomBytes(12).toString("base64url"), exp: now + CAPTCHA_TTL_MS, answer },
    secret(),
  );
}

/** The SVG for a live token, or null (forged or expired): the image route answers 404 then. */
export function captchaSvg(token: string, now: number = Date.now()): string | null {
  const p = openCaptcha(token, secret());
  if (!p || p.exp <= now) return null;
  return drawText(p.answer, { noise: 3, color: false, width: 150, height: 50, fontSize: 52 });
}

export type CaptchaCheck = { db?: Db; now?: Clock };

/**
 * True only for a live token answered correctly (case-insensitive, spaces ignored) for the first
 * time. The token is spent whether the answer was right or not: one guess per captcha.
 */
export async function verifyCaptcha(
  token: unknown,
  answer: unknown,
  { db = defaultDb, now = Date.now }: CaptchaCheck = {},
): Promise<boolean> {
  if (typeof token !== "string" || typeof answer !== "string") return false;
  const p = openCaptcha(token, secret());
  const t = now();
  if (!p || p.exp <= t) return false;
  const inserted = await db.$executeRaw`
    INSERT INTO used_captchas ("id", "expiresAt") VALUES (${p.id}, ${BigInt(p.exp)}) ON CONFLICT ("id") DO NOTHING`;
  if (inserted !== 1) return false;
  return answer.replace(/\s+/g, "").toUpperCase() === p.answer;
}
