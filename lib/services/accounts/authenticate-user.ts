import "server-only";
import { z } from "zod";
import { hashPassword, needsRehash, verifyDummyPassword, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { logger } from "@/lib/logger";
import { verifyCaptcha } from "@/lib/security/captcha";
import { type RateLimiter, sharedLimiter } from "@/lib/security/rate-limit";
import { requestContext } from "@/lib/security/request-context";
import { emailSchema, loginPasswordSchema } from "@/lib/validation";
import { admitLoginAttempt, recordLoginFailure, recordLoginSuccess } from "./login-guard";
import { noteLoginOutcome } from "./login-outcome";

// Not strict: Auth.js hands authorize() its whole request body (csrfToken, callbackUrl…).
export const loginSchema = z.object({
  email: emailSchema,
  password: loginPasswordSchema,
  captchaToken: z.string().max(400).optional(),
  captchaAnswer: z.string().max(16).optional(),
});

type AuthenticatedUser = { id: string; role: Role; sessionVersion: number };

/**
 * "invalid" covers unknown email, wrong password, malformed input, a block and a missing
 * captcha alike, so the answer never tells whether an account exists (the login action reads
 * the block's wait from lib/services/accounts/login-outcome.ts). "suspended" is only returned
 * after a correct password.
 */
export type AuthenticateResult =
  { ok: true; user: AuthenticatedUser } | { ok: false; reason: "invalid" | "suspended" };

/** The request's IP (set by the security wrappers) and the counters; tests pass their own clock. */
export type AuthenticateContext = { ip?: string | null; limiter?: RateLimiter };

/**
 * Checks email + password under the brute-force rules. Called by the Credentials provider, so
 * every sign-in path (our action, Auth.js's own callback endpoint) is counted the same way.
 */
export async function authenticateUser(
  input: unknown,
  ctx: AuthenticateContext = {},
): Promise<AuthenticateResult> {
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const guard = {
    ip: ctx.ip !== undefined ? ctx.ip : (requestContext()?.ip ?? null),
    limiter: ctx.limiter ?? sharedLimiter(),
  };

  const admitted = await admitLoginAttempt(email, guard);
  if (admitted.retryAfterSeconds) {
    // refused before any password check: even the right password waits out the block
    noteLoginOutcome({ retryAfterSeconds: admitted.retryAfterSeconds });
    return { ok: false, reason: "invalid" };
  }
  if (
    admitted.captchaRequired &&
    !(await verifyCaptcha(parsed.data.captchaToken, parsed.data.captchaAnswer, { now: guard.limiter.now }))
  ) {
    noteLoginOutcome({ captchaRequired: true, captchaFailed: true });
    return { ok: false, reason: "invalid" };
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, role: true, status: true, sessionVersion: true, passwordHash: true },
  });
  // unknown emails spend the same argon2 work as a real check, so timing does not reveal them
  const isValid = user
    ? await verifyPassword(user.passwordHash, password)
    : await verifyDummyPassword(password);
  if (!user || !isValid) {
    noteLoginOutcome(await recordLoginFailure(email, guard));
    return { ok: false, reason: "invalid" };
  }
  await recordLoginSuccess(email, guard);
  if (user.status !== "ACTIVE") return { ok: false, reason: "suspended" };

  await db.user.update({
    where: { id: user.id },
    data: {
      lastLoginAt: new Date(),
      // upgrade hashes made with older (or test) parameters while we hold the plain password
      ...(needsRehash(user.passwordHash) ? { passwordHash: await hashPassword(password) } : {}),
      auditLogs: { create: { action: "auth.login", targetType: "user", targetId: user.id, ip: guard.ip } },
    },
  });
  logger.info({ userId: user.id }, "signed in");
  return { ok: true, user: { id: user.id, role: user.role, sessionVersion: user.sessionVersion } };
}
