import "server-only";
import { z } from "zod";
import { hashPassword, needsRehash, verifyDummyPassword, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { logger } from "@/lib/logger";
import { emailSchema, loginPasswordSchema } from "@/lib/validation";

export const loginSchema = z.object({ email: emailSchema, password: loginPasswordSchema });
export type LoginInput = z.input<typeof loginSchema>;

export type AuthenticatedUser = { id: string; role: Role; sessionVersion: number };

/**
 * "invalid" covers unknown email, wrong password and malformed input alike, so the answer
 * never tells whether an account exists. "suspended" is only returned after a correct password.
 */
export type AuthenticateResult = { ok: true; user: AuthenticatedUser } | { ok: false; reason: "invalid" | "suspended" };

/** Checks email + password. Called by the Credentials provider, which maps the result to a session. */
export async function authenticateUser(input: unknown): Promise<AuthenticateResult> {
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, role: true, status: true, sessionVersion: true, passwordHash: true },
  });
  if (!user) {
    // same argon2 work as a real check, so timing does not reveal that the email is unknown
    await verifyDummyPassword(password);
    return { ok: false, reason: "invalid" };
  }
  if (!(await verifyPassword(user.passwordHash, password))) return { ok: false, reason: "invalid" };
  if (user.status !== "ACTIVE") return { ok: false, reason: "suspended" };

  await db.user.update({
    where: { id: user.id },
    data: {
      lastLoginAt: new Date(),
      // upgrade hashes made with older (or test) parameters while we hold the plain password
      ...(needsRehash(user.passwordHash) ? { passwordHash: await hashPassword(password) } : {}),
      auditLogs: { create: { action: "auth.login", targetType: "user", targetId: user.id } },
    },
  });
  logger.info({ userId: user.id }, "signed in");
  return { ok: true, user: { id: user.id, role: user.role, sessionVersion: user.sessionVersion } };
}
