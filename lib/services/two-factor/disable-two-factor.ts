import "server-only";
import { z } from "zod";
import { verifyPassword } from "@/lib/auth/crypto/password";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { audit } from "@/lib/audit";
import { checkSignInFactor, recordFactorFailure } from "./check-sign-in-factor";

export const disableTwoFactorSchema = z.strictObject({
  /** a current TOTP code or an unused recovery code… */
  code: z.string().max(64).optional(),
  /** …or the account password */
  password: z.string().max(4096).optional(),
});

const WRONG = "动态口令或密码不正确，两步验证仍然开启。";

/**
 * Turns 2FA off. A stolen session alone must not be enough, so it needs a current code or the
 * password; wrong answers count towards the same block as wrong codes at sign-in. Every
 * session of the user ends (sessionVersion); the action renews the browser that made the change.
 */
export async function disableTwoFactor(actor: Actor, input: unknown, now = new Date()): Promise<void> {
  assertCan(actor, "account.twoFactor", { kind: "user", id: actor.id });
  const { code, password } = disableTwoFactorSchema.parse(input);
  const user = await db.user.findUnique({
    where: { id: actor.id },
    select: { passwordHash: true, totpEnabledAt: true, totpBlockedUntil: true },
  });
  if (!user?.totpEnabledAt) throw new AppError("CONFLICT", "两步验证尚未开启。");
  if (!code?.trim() && !password)
    throw new AppError("INVALID", "请输入当前的动态口令或账号密码。", {
      fieldErrors: { code: ["请输入当前的动态口令或账号密码。"] },
    });
  if (user.totpBlockedUntil && user.totpBlockedUntil > now) throw blockedError(user.totpBlockedUntil, now);

  let isProven = false;
  if (code?.trim()) {
    const result = await checkSignInFactor(actor.id, code, now); // counts its own failures
    if (result === "blocked") throw blockedError(new Date(now.getTime() + 15 * 60_000), now);
    isProven = result === "ok";
  } else if (password) {
    isProven = await verifyPassword(user.passwordHash, password);
    if (!isProven && (await recordFactorFailure(actor.id, now)))
      throw blockedError(new Date(now.getTime() + 15 * 60_000), now);
  }
  if (!isProven) throw new AppError("INVALID", WRONG, { fieldErrors: { code: [WRONG] } });

  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: actor.id },
      data: {
        totpSecret: null,
        totpEnabledAt: null,
        totpLastStep: null,
        totpFailures: 0,
        totpBlockedUntil: null,
        sessionVersion: { increment: 1 },
      },
    });
    await tx.recoveryCode.deleteMany({ where: { userId: actor.id } });
    await audit(tx, {
      actorId: actor.id,
      action: "account.twoFactor.disabled",
      targetType: "user",
      targetId: actor.id,
      meta: { by: code?.trim() ? "code" : "password" },
    });
  });
}

function blockedError(until: Date, now: Date) {
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new AppError("RATE_LIMITED", `错误次数过多，请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再试。`, {
    retryAfterSeconds,
  });
}
