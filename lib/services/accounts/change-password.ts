import "server-only";
import { z } from "zod";
import { hashPassword, verifyPassword } from "@/lib/auth/crypto/password";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { audit } from "@/lib/audit";
import { type RateLimiter, sharedLimiter, secondsUntil } from "@/lib/security/rate-limit";
import { LIMITS, rateLimitedError } from "@/lib/security/rate-limit-rules";
import { safeText } from "@/lib/validation";
import { assertNewPassword } from "./assert-new-password";
import { accountKey } from "./login-guard";

const changePasswordSchema = z.strictObject({
  currentPassword: z.string({ error: "请输入当前密码。" }).min(1, "请输入当前密码。").max(1024),
  newPassword: safeText(1024, { min: 1, trim: false }),
});

export type ChangePasswordContext = { ip: string | null; limiter?: RateLimiter };

/**
 * Changes the signed-in user's password. The current password is required (a borrowed,
 * unlocked browser must not be enough) and its wrong guesses count like login failures for
 * this account and IP. sessionVersion is bumped, which ends every session of the user; the
 * action signs the current browser in again with the new password.
 */
export async function changePassword(
  actor: Actor,
  input: unknown,
  ctx: ChangePasswordContext,
): Promise<{ email: string }> {
  const { currentPassword, newPassword } = changePasswordSchema.parse(input);
  const user = await db.user.findUnique({
    where: { id: actor.id },
    select: { id: true, email: true, role: true, passwordHash: true },
  });
  if (!user) throw new AppError("UNAUTHENTICATED");

  const limiter = ctx.limiter ?? sharedLimiter();
  const key = `login:account-ip:${accountKey(user.email)}:${(ctx.ip ?? "unknown").slice(0, 64)}`;
  const blockedUntil = await limiter.blockedUntil(key);
  if (blockedUntil) throw rateLimitedError(secondsUntil(blockedUntil, limiter.now()));
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    await limiter.fail(key, LIMITS.loginAccountIp);
    throw new AppError("INVALID", "当前密码不正确。", {
      fieldErrors: { currentPassword: ["当前密码不正确。"] },
    });
  }
  if (currentPassword === newPassword) {
    throw new AppError("INVALID", "新密码不能与当前密码相同。", {
      fieldErrors: { newPassword: ["新密码不能与当前密码相同。"] },
    });
  }
  await assertNewPassword(newPassword, user, "newPassword");
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    await audit(tx, {
      actorId: user.id,
      action: "account.passwordChange",
      targetType: "user",
      targetId: user.id,
    });
  });
  return { email: user.email };
}
