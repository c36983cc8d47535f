import "server-only";
import { acceptTotp, TOTP_CODE, normalizeCode } from "@/lib/auth/crypto/totp";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { audit } from "@/lib/audit";
import { consumeRecoveryCode } from "./consume-recovery-code";
import { openTotpSecret } from "./totp-secret";

const MAX_FACTOR_FAILURES = 5;
export const FACTOR_BLOCK_MS = 15 * 60_000;

export type SignInFactorResult = "ok" | "required" | "invalid" | "blocked";

/**
 * The second step of a sign-in, run only after the password was right. Accepts a TOTP code
 * (±1 step, each step once: the update below only succeeds for a step after the last one, so
 * two requests racing with one code cannot both win) or an unused recovery code, which is
 * consumed. Five wrong codes block second-factor attempts for 15 minutes.
 */
export async function checkSignInFactor(
  userId: string,
  rawCode: unknown,
  now = new Date(),
): Promise<SignInFactorResult> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { totpSecret: true, totpEnabledAt: true, totpLastStep: true, totpBlockedUntil: true },
  });
  if (!user?.totpEnabledAt || !user.totpSecret) return "ok";
  const code = typeof rawCode === "string" ? rawCode.slice(0, 64).trim() : "";
  if (!code) return "required";
  if (user.totpBlockedUntil && user.totpBlockedUntil > now) return "blocked";

  if (await acceptsCode(userId, user.totpSecret, user.totpLastStep, code, now)) {
    await db.user.update({ where: { id: userId }, data: { totpFailures: 0, totpBlockedUntil: null } });
    return "ok";
  }
  return (await recordFactorFailure(userId, now)) ? "blocked" : "invalid";
}

/** Counts one wrong code (or wrong password when turning 2FA off); true when that starts a block. */
export async function recordFactorFailure(userId: string, now = new Date()): Promise<boolean> {
  const blocked = await db.$transaction(async (tx) => {
    const u = await tx.user.update({
      where: { id: userId },
      data: { totpFailures: { increment: 1 } },
      select: { totpFailures: true },
    });
    const isBlocked = u.totpFailures >= MAX_FACTOR_FAILURES;
    if (isBlocked)
      await tx.user.update({
        where: { id: userId },
        data: { totpFailures: 0, totpBlockedUntil: new Date(now.getTime() + FACTOR_BLOCK_MS) },
      });
    await audit(tx, {
      actorId: userId,
      action: "auth.twoFactor.refused",
      targetType: "user",
      targetId: userId,
      meta: { blocked: isBlocked },
    });
    return isBlocked;
  });
  logger.info({ userId, blocked }, "second factor refused");
  return blocked;
}

async function acceptsCode(
  userId: string,
  sealed: string,
  lastStep: number | null,
  code: string,
  now: Date,
): Promise<boolean> {
  if (!TOTP_CODE.test(normalizeCode(code))) return consumeRecoveryCode(userId, code, now);
  const secret = openTotpSecret(userId, sealed);
  if (!secret) {
    logger.error({ userId }, "stored TOTP secret does not open (AUTH_SECRET changed?)");
    return false;
  }
  const step = await acceptTotp(secret, code, { now: now.getTime(), lastUsedStep: lastStep });
  if (step === null) return false;
  const claimed = await db.user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return claimed.count === 1;
}
