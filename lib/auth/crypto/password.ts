import "server-only";
import { randomBytes } from "node:crypto";
import { hash, parseOptions, verify } from "@node-rs/argon2";

/**
 * Password hashing: argon2id with the OWASP baseline (m=19456 KiB, t=2, p=1).
 * The parameters are encoded in every hash, so verification never depends on the current
 * settings and old hashes keep working after a change; `needsRehash` tells login to upgrade them.
 */

export type Argon2Params = { memoryCost: number; timeCost: number; parallelism: number };

export const PRODUCTION_PARAMS: Argon2Params = { memoryCost: 19456, timeCost: 2, parallelism: 1 };
/** Only for test runs, where hundreds of hashes would otherwise dominate the suite's time. */
export const TEST_PARAMS: Argon2Params = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

const ARGON2ID = 2; // Algorithm.Argon2id; the package's const enum cannot be imported under isolatedModules

/**
 * BYLINE_TEST selects the cheap parameters, but never in a production process: a stray test
 * flag on a real deploy must not weaken every password stored from then on.
 */
export function currentParams(source: NodeJS.ProcessEnv = process.env): Argon2Params {
  const isTest = source.BYLINE_TEST === "1" || source.BYLINE_TEST === "true";
  return isTest && source.NODE_ENV !== "production" ? TEST_PARAMS : PRODUCTION_PARAMS;
}

export function hashPassword(password: string, params: Argon2Params = currentParams()): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, ...params });
}

/** False for a wrong password and for a malformed stored hash (which is logged by the caller's audit, not thrown). */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real verification and always fails. Used for unknown emails so the
 * response time does not reveal whether an account exists. The dummy is hashed once, lazily,
 * with the current parameters so its cost matches real hashes.
 */
export async function verifyDummyPassword(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(18).toString("base64url"));
  await verifyPassword(await dummyHash, password);
  return false;
}

/** True when a stored hash was made with other parameters than the current ones. */
export function needsRehash(storedHash: string, params: Argon2Params = currentParams()): boolean {
  try {
    const o = parseOptions(storedHash);
    return (
      o.algorithm !== ARGON2ID ||
      o.memoryCost !== params.memoryCost ||
      o.timeCost !== params.timeCost ||
      o.parallelism !== params.parallelism
    );
  } catch {
    return true;
  }
}
