import "server-only";
import { z } from "zod";
import { hashPassword } from "@/lib/auth/crypto/password";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { audit } from "@/lib/audit";
import { safeText } from "@/lib/validation";
import { assertNewPassword } from "./assert-new-password";
import { hashResetToken, isWellFormedResetToken } from "./password-reset-token";

const resetPasswordSchema = z.strictObject({
  token: z.string().max(100),
  password: safeText(1024, { min: 1, trim: false }),
});

const RESET_LINK_INVALID = "重置链接无效、已使用或已过期，请重新申请。";

/**
 * Sets a new password from a mailed token. The token is consumed in the same transaction
 * (a conditional update, so two concurrent uses cannot both succeed), every other outstanding
 * token of the user is spent too, and sessionVersion is bumped: all sessions end.
 */
export async function resetPassword(
  input: unknown,
  now: () => number = Date.now,
): Promise<{ userId: string }> {
  const { token, password } = resetPasswordSchema.parse(input);
  if (!isWellFormedResetToken(token)) throw new AppError("INVALID", RESET_LINK_INVALID);
  const at = new Date(now());
  const row = await db.passwordResetToken.findUnique({
    where: { tokenHash: hashResetToken(token) },
    select: {
      id: true,
      usedAt: true,
      expiresAt: true,
      user: { select: { id: true, email: true, role: true, status: true } },
    },
  });
  if (!row || row.usedAt || row.expiresAt <= at || row.user.status !== "ACTIVE")
    throw new AppError("INVALID", RESET_LINK_INVALID);

  await assertNewPassword(password, row.user);
  const passwordHash = await hashPassword(password);
  const userId = row.user.id;
  await db.$transaction(async (tx) => {
    const spent = await tx.passwordResetToken.updateMany({
      where: { id: row.id, usedAt: null },
      data: { usedAt: at },
    });
    if (spent.count !== 1) throw new AppError("INVALID", RESET_LINK_INVALID);
    await tx.passwordResetToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: at } });
    await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await audit(tx, {
      actorId: userId,
      action: "account.passwordReset",
      targetType: "user",
      targetId: userId,
    });
  });
  return { userId };
}

/** For the reset page: is the link still usable? (It is checked again on submit.) */
export async function isResetTokenUsable(token: string, now: () => number = Date.now): Promise<boolean> {
  if (!isWellFormedResetToken(token)) return false;
  const row = await db.passwordResetToken.findUnique({
    where: { tokenHash: hashResetToken(token) },
    select: { usedAt: true, expiresAt: true },
  });
  return Boolean(row && !row.usedAt && row.expiresAt > new Date(now()));
}
