import "server-only";
import { createHash, hkdfSync, randomBytes } from "node:crypto";
import { createChallenge, randomInt, verifySolution, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

/**
 * ALTCHA proof of work (issue 13) in place of the image captcha for new readers' comments.
 * A challenge is signed with a key derived from AUTH_SECRET and carries its binding (account +
 * form) and a 5-minute expiry inside the signed parameters, so it cannot be moved to another
 * account or form nor kept. Single use goes through used_captchas like the image captcha.
 */

export type { Challenge };
type ProofForm = "comment";
export type ProofBinding = { userId: string; form: ProofForm };

const PROOF_TTL_MS = 5 * 60_000;
const PROOF_ALGORITHM = "PBKDF2/SHA-256";
/**
 * Work = counter × cost PBKDF2-SHA-256 rounds, 2 million on average (1-3 million), split over the
 * widget's workers. Measured on the 2-core dev machine: Node about 4.4 million rounds a second on
 * one thread (proof-of-work.int.test.ts prints it), Chromium's WebCrypto about 1.4 million per
 * worker (e2e/public/proof-of-work.spec.ts prints it); a phone core 2-3 × slower with 4 workers
 * makes about 1 s. Verifying costs one HMAC (the key signature), not the work.
 */
export const PROOF_COST = 1_000;
export const PROOF_COUNTER_MIN = 1_000;
export const PROOF_COUNTER_MAX = 3_000;
/** a real payload is about 800 characters; anything much longer is not ours */
const MAX_PAYLOAD_CHARS = 4_096;
const NEW_ACCOUNT_MS = 7 * 24 * 3_600_000;

let devSecret: string | undefined;
function masterSecret(): string {
  const s = env().AUTH_SECRET;
  if (s) return s;
  if (process.env.NODE_ENV === "production") throw new Error("AUTH_SECRET is required for proof of work");
  return (devSecret ??= randomBytes(32).toString("base64url"));
}

/** separate keys for the challenge signature and the key signature, neither equal to AUTH_SECRET */
function keys() {
  const derive = (info: string) =>
    Buffer.from(hkdfSync("sha256", masterSecret(), "byline-altcha", info, 32)).toString("hex");
  return { hmacSignatureSecret: derive("challenge-v1"), hmacKeySignatureSecret: derive("key-v1") };
}

/** New accounts (under 7 days) and accounts without an approved comment must prove work. */
export async function proofRequired(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { createdAt: true } });
  if (!user || Date.now() - user.createdAt.getTime() < NEW_ACCOUNT_MS) return true;
  const approved = await db.comment.findFirst({
    where: { authorId: userId, status: "APPROVED" },
    select: { id: true },
  });
  return approved === null;
}

export async function createProofChallenge(binding: ProofBinding): Promise<Challenge> {
  return createChallenge({
    algorithm: PROOF_ALGORITHM,
    cost: PROOF_COST,
    // deterministic mode: the server knows the answer's key signature, so verifying is one HMAC
    counter: randomInt(PROOF_COUNTER_MAX, PROOF_COUNTER_MIN),
    deriveKey,
    expiresAt: new Date(Date.now() + PROOF_TTL_MS),
    data: { uid: binding.userId, form: binding.form },
    ...keys(),
  });
}

const payloadSchema = z.object({
  challenge: z.object({
    // loose: every field the signature covers must reach verifySolution, or it fails
    parameters: z.looseObject({
      algorithm: z.literal(PROOF_ALGORITHM),
      nonce: z.string().regex(/^[0-9a-f]{32}$/),
      salt: z.string().regex(/^[0-9a-f]{32}$/),
      cost: z.literal(PROOF_COST),
      keyLength: z.number().int(),
      keyPrefix: z.string().regex(/^[0-9a-f]{1,64}$/),
      keySignature: z.string().regex(/^[0-9a-f]{64}$/),
      expiresAt: z.number(),
      data: z.looseObject({ uid: z.string(), form: z.string() }),
    }),
    signature: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  solution: z.object({ counter: z.number().int().nonnegative(), derivedKey: z.string().max(128) }),
});

/**
 * True once for a solved, unexpired challenge issued to this account and form. Anything else
 * (missing, oversized, not base64 JSON, foreign binding, bad signature or solution, second use)
 * is false, never an exception: posting fails closed. Only a database error throws.
 */
export async function verifyProof(payload: string | undefined, binding: ProofBinding): Promise<boolean> {
  if (typeof payload !== "string" || payload.length === 0 || payload.length > MAX_PAYLOAD_CHARS) return false;
  const challenge = await checkedChallenge(payload, binding);
  if (!challenge) return false;
  // the signature is unique per challenge; its hash fits used_captchas.id (VarChar 32).
  // Database errors propagate: an outage is not a failed proof.
  const id = createHash("sha256").update(challenge.signature).digest("base64url").slice(0, 32);
  const inserted = await db.$executeRaw`
    INSERT INTO used_captchas ("id", "expiresAt") VALUES (${id}, ${BigInt(challenge.expiresAtMs)})
    ON CONFLICT ("id") DO NOTHING`;
  return inserted === 1;
}

/** The verified challenge's signature and expiry, or null; never throws. */
async function checkedChallenge(
  payload: string,
  binding: ProofBinding,
): Promise<{ signature: string; expiresAtMs: number } | null> {
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(payload, "base64").toString("utf8")));
    if (!parsed.success) return null;
    const { challenge, solution } = parsed.data;
    const { expiresAt, data } = challenge.parameters;
    if (data.uid !== binding.userId || data.form !== binding.form) return null;
    if (expiresAt * 1000 <= Date.now()) return null;
    const result = await verifySolution({
      challenge: challenge as Challenge,
      solution,
      deriveKey,
      ...keys(),
    });
    return result.verified ? { signature: challenge.signature, expiresAtMs: expiresAt * 1000 } : null;
  } catch {
    return null;
  }
}
