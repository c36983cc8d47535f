import "server-only";
import { z } from "zod";
import type { LoginRefusal } from "@/lib/auth/login-refusal";
import { hashPassword, needsRehash, verifyDummyPassword, verifyPassword } from "@/lib/auth/crypto/password";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { logger } from "@/lib/logger";
import { verifyCaptcha } from "@/lib/security/captcha";
import { type RateLimiter, sharedLimiter } from "@/lib/security/rate-limit";
import { requestContext } from "@/lib/security/request-context";
import { emailSchema, loginPasswordSchema } from "@/lib/validation";
import { admitLoginAttempt, recordLoginFailure, recordLoginSuccess } from "./login-guard";

// Not strict: Auth.js hands authorize() its whole request body (csrfToken, callbackUrl…).
export const loginSchema = z.object({
  email: emailSchema,
  password: loginPasswordSchema,
  captchaToken: z.string().max(400).optional(),
  captchaAnswer: z.string().max(16).optional(),
});

type AuthenticatedUser = { id: string; role: Role; sessionVersion: number };

/**
 * A refusal is "invalid" (with the same hints for every address, so the answer never tells
 * whether an account exists) or, only after a correct password, "suspended" (lib/auth/login-refusal.ts).
 */
export type AuthenticateResult =
  | { ok: true; user: AuthenticatedUser }
  | ({ ok: false } & Extract<LoginRefusal, { reason: "invalid" | "suspended" }>);

/** "invalid" with only the hints that apply: no hint reads the same as none at all. */
function invalid(hints: {
  retryAfterSeconds?: number | null;
  captchaRequired?: boolean;
  captchaFailed?: boolean;
}) {
  return {
    ok: false as const,
    reason: "invalid" as const,
    ...(hints.retryAfterSeconds ? { retryAfterSeconds: hints.retryAfterSeconds } : {}),
    ...(hints.captchaRequired ? { captchaRequired: true } : {}),
    ...(hints.captchaFailed ? { captchaFailed: true } : {}),
  };
}

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
  if (!parsed.success) return invalid({});
  const { email, password } = parsed.data;
  const guard = {
    ip: ctx.ip !== undefined ? ctx.ip : (requestContext()?.ip ?? null),
    limiter: ctx.limiter ?? sharedLimiter(),
  };

  const admitted = await admitLoginAttempt(email, guard);
  // refused before any password check: even the right password waits out the block
  if (admitted.retryAfterSeconds) return invalid({ retryAfterSeconds: admitted.retryAfterSeconds });
  if (
    admitted.captchaRequired &&
    !(await verifyCaptcha(parsed.data.captchaToken, parsed.data.captchaAnswer, { now: guard.limiter.now }))
  )
    return invalid({ captchaRequired: true, captchaFailed: true });

  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      role: true,
      status: true,
      sessionVersion: true,
      passwordHash: true,
      isIntegration: true,
    },
  });
  // unknown emails spend the same argon2 work as a real check, so timing does not reveal them
  const isValid = user
    ? await verifyPassword(user.passwordHash, password)
    : await verifyDummyPassword(password);
  // the failure that starts a block or the captcha rule says so at once
  // an API token's integration user never signs in (its hash never verifies either; this holds
  // even if someone set it a password by hand)
  if (!user || !isValid || user.isIntegration) return invalid(await recordLoginFailure(email, guard));
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
