import "server-only";
import { newTotpSecret } from "@/lib/auth/crypto/totp";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { sealTotpSecret } from "./totp-secret";

/** Starts (or restarts) setup with a fresh secret; 2FA stays off until a code confirms it. */
export async function beginTwoFactorSetup(actor: Actor): Promise<void> {
  assertCan(actor, "account.twoFactor", { kind: "user", id: actor.id });
  const { count } = await db.user.updateMany({
    where: { id: actor.id, totpEnabledAt: null },
    data: { totpSecret: sealTotpSecret(actor.id, newTotpSecret()), totpLastStep: null },
  });
  if (count !== 1) throw new AppError("CONFLICT", "两步验证已经开启。如需更换设备，请先关闭再重新设置。");
}
