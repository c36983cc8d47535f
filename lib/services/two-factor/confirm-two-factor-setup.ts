import "server-only";
import { z } from "zod";
import { hashRecoveryCode, newRecoveryCode, RECOVERY_CODE_COUNT } from "@/lib/auth/crypto/recovery-codes";
import { acceptTotp } from "@/lib/auth/crypto/totp";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { audit } from "@/lib/audit";
import { openTotpSecret } from "./totp-secret";

export const confirmTwoFactorSchema = z.strictObject({
  code: z.string().trim().min(1, "请输入 6 位动态口令").max(20),
});

const WRONG_CODE = "动态口令不正确。请确认手机时间准确，并输入身份验证器中当前显示的 6 位数字。";

/**
 * Turns 2FA on once the person proves their app holds the secret, and returns the ten
 * recovery codes: the only time they exist in plain text (only salted hashes are stored).
 * Bumps sessionVersion like any credential change: every session of the user ends (one taken
 * over before 2FA was on among them); the action renews the browser that made the change.
 */
export async function confirmTwoFactorSetup(
  actor: Actor,
  input: unknown,
  now = new Date(),
): Promise<string[]> {
  assertCan(actor, "account.twoFactor", { kind: "user", id: actor.id });
  const { code } = confirmTwoFactorSchema.parse(input);
  const user = await db.user.findUnique({
    where: { id: actor.id },
    select: { totpSecret: true, totpEnabledAt: true },
  });
  if (user?.totpEnabledAt) throw new AppError("CONFLICT", "两步验证已经开启。");
  const secret = user?.totpSecret ? openTotpSecret(actor.id, user.totpSecret) : null;
  if (!secret) throw new AppError("CONFLICT", "设置已过期，请重新开始设置两步验证。");

  const step = await acceptTotp(secret, code, { now: now.getTime(), lastUsedStep: null });
  if (step === null) throw new AppError("INVALID", WRONG_CODE, { fieldErrors: { code: [WRONG_CODE] } });

  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db.$transaction(async (tx) => {
    // conditional: two confirmations racing cannot both enable and mint two sets of codes
    const { count } = await tx.user.updateMany({
      where: { id: actor.id, totpEnabledAt: null, totpSecret: user!.totpSecret },
      data: {
        totpEnabledAt: now,
        totpLastStep: step,
        totpFailures: 0,
        totpBlockedUntil: null,
        sessionVersion: { increment: 1 },
      },
    });
    if (count !== 1) throw new AppError("CONFLICT", "设置已在另一个窗口完成或重新开始，请刷新页面。");
    await tx.recoveryCode.deleteMany({ where: { userId: actor.id } });
    await tx.recoveryCode.createMany({
      data: codes.map((c) => ({ userId: actor.id, ...hashRecoveryCode(c) })),
    });
    await audit(tx, {
      actorId: actor.id,
      action: "account.twoFactor.enabled",
      targetType: "user",
      targetId: actor.id,
    });
  });
  return codes;
}
