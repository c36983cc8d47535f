import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Encryption at rest for secrets we must be able to read back (the TOTP seed): AES-256-GCM with
 * a key derived from AUTH_SECRET by HKDF, so a database dump alone does not yield working
 * second factors. The user id is bound in as associated data: a sealed secret copied onto
 * another user's row does not open. Format: "v1.<iv>.<tag>.<ciphertext>", base64url parts.
 */

const VERSION = "v1";
const INFO = "byline totp-secret v1";

function keyFrom(authSecret: string): Buffer {
  if (authSecret.length < 32) throw new Error("AUTH_SECRET is too short to derive an encryption key");
  return Buffer.from(hkdfSync("sha256", authSecret, "byline", INFO, 32));
}

export function sealSecret(plain: string, aad: string, authSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFrom(authSecret), iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

/** The plain secret, or null when the box was tampered with, made with another key, or malformed. */
export function openSecret(sealed: string, aad: string, authSecret: string): string | null {
  const [version, iv, tag, data, ...rest] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || !data || rest.length > 0) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFrom(authSecret), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(aad, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    return null;
  }
}
