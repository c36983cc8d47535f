import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Recovery codes: ten per enrolment, each good once. 10 characters from a 31-letter alphabet
 * without look-alikes (49 bits each) shown as "xxxxx-xxxxx". Only sha256(salt ‖ code) with a
 * per-code salt is stored, so the table leaks nothing usable and equal codes never hash alike.
 */

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // 31 letters: no i, l, o, 0, 1

export function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  // 256 % 31 ≠ 0 leaves a tiny bias (< 1%), irrelevant at 49 bits per code
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** What people type: any case, with or without the dash or spaces. */
export const normalizeRecoveryCode = (raw: string) => raw.toLowerCase().replace(/[\s-]/g, "");

export const looksLikeRecoveryCode = (raw: string) => /^[a-z0-9]{10}$/.test(normalizeRecoveryCode(raw));

export function hashRecoveryCode(
  code: string,
  salt = randomBytes(16).toString("hex"),
): { salt: string; codeHash: string } {
  const codeHash = createHash("sha256").update(salt).update(normalizeRecoveryCode(code)).digest("hex");
  return { salt, codeHash };
}

export function matchesRecoveryCode(raw: string, stored: { salt: string; codeHash: string }): boolean {
  const { codeHash } = hashRecoveryCode(raw, stored.salt);
  return timingSafeEqual(Buffer.from(codeHash, "hex"), Buffer.from(stored.codeHash, "hex"));
}
