import { createHash, randomBytes } from "node:crypto";

export const RESET_TOKEN_TTL_MS = 30 * 60_000;

/** 32 random bytes, sent only in the mail; the database keeps its sha256 (a leaked table resets nothing). */
export function newResetToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashResetToken(token) };
}

export const hashResetToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** The shape of a token we issue, checked before any database work. */
export const isWellFormedResetToken = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);
