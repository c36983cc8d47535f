import { createHash, randomBytes } from "node:crypto";

/** Every secret starts with this, so a leaked one is easy to recognise (and to grep for). */
const PREFIX = "byl_";
const SECRET_PATTERN = /^byl_[A-Za-z0-9_-]{43}$/;

/** 256 random bits: guessing is hopeless, so a fast hash stores it safely (no argon2 per request). */
export function newTokenSecret(): { secret: string; prefix: string; hash: string } {
  const secret = PREFIX + randomBytes(32).toString("base64url");
  return { secret, prefix: secret.slice(0, 10), hash: hashTokenSecret(secret) };
}

export const hashTokenSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

/** Shape only: anything else is refused before the database is asked. */
export const looksLikeTokenSecret = (s: string) => SECRET_PATTERN.test(s);
