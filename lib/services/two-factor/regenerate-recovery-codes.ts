import "server-only";
import { z } from "zod";
import { hashRecoveryCode, newRecoveryCode, RECOVERY_CODE_COUNT } from "@/lib/auth/crypto/recovery-codes";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { audit } from "@/lib/audit";
import { checkSignInFactor } from "./check-sign-in-factor";

export const regenerateRecoveryCodesSchema = z.strictObject({
  code: z.string().trim().min(1, "请输入当前的动态口令").max(64),
});

const WRONG = "动态口令不正确或已经用过，恢复码没有更换。";

/**
 * Replaces all recovery codes (the old ones stop working); needs a current code, like turning 2FA
 * off. A credential change: every session of the user ends, the action renews this browser's.
 */
export async function regenerateRecoveryCodes(
  actor: Actor,
  input: unknown,
  now = new Date(),
): Promise<string[]> {
  assertCan(actor, "account.twoFactor", { kind: "user", id: actor.id });
  const { code } = regenerateRecoveryCodesSchema.parse(input);
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { totpEnabledAt: true } });
  if (!user?.totpEnabledAt) throw new AppError("CONFLICT", "两步验证尚未开启。");
  const result = await checkSignInFactor(actor.id, code, now);
  if (result === "blocked")
    throw new AppError("RATE_LIMITED", "动态口令错误次数过多，请 15 分钟后再试。", {
      retryAfterSeconds: 15 * 60,
    });
  if (result !== "ok") throw new AppError("INVALID", WRONG, { fieldErrors: { code: [WRONG] } });

  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db.$transaction(async (tx) => {
    await tx.recoveryCode.deleteMany({ where: { userId: actor.id } });
    await tx.user.update({ where: { id: actor.id }, data: { sessionVersion: { increment: 1 } } });
    await tx.recoveryCode.createMany({
      data: codes.map((c) => ({ userId: actor.id, ...hashRecoveryCode(c) })),
    });
    await audit(tx, {
      actorId: actor.id,
      action: "account.twoFactor.recoveryCodesRegenerated",
      targetType: "user",
      targetId: actor.id,
    });
  });
  return codes;
}
