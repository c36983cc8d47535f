import "server-only";
import { openSecret, sealSecret } from "@/lib/auth/crypto/secret-box";
import { env } from "@/lib/env";

function authSecret(): string {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is required to store second factors");
  return secret;
}

/** The TOTP seed as stored in User.totpSecret: sealed, and bound to its user. */
export const sealTotpSecret = (userId: string, secret: string) =>
  sealSecret(secret, `totp:${userId}`, authSecret());

/** The seed, or null when the stored box does not open (tampered, or AUTH_SECRET rotated). */
export const openTotpSecret = (userId: string, sealed: string) =>
  openSecret(sealed, `totp:${userId}`, authSecret());
