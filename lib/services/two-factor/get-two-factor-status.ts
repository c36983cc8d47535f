import "server-only";
import QRCode from "qrcode";
import { totpUri } from "@/lib/auth/crypto/totp";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { openTotpSecret } from "./totp-secret";

export type TwoFactorStatus =
  | { state: "off" }
  /** setup started: the secret is shown to its owner until a code confirms it, never after */
  | { state: "pending"; secret: string; qrSvg: string }
  | { state: "on"; enabledAt: Date; recoveryCodesLeft: number };

/** What /me/two-factor shows. The QR code is drawn here as SVG: the secret never leaves our server. */
export async function getTwoFactorStatus(actor: Actor): Promise<TwoFactorStatus> {
  assertCan(actor, "account.twoFactor", { kind: "user", id: actor.id });
  const user = await db.user.findUnique({
    where: { id: actor.id },
    select: { email: true, totpSecret: true, totpEnabledAt: true },
  });
  if (!user) throw new AppError("NOT_FOUND");
  if (user.totpEnabledAt) {
    const recoveryCodesLeft = await db.recoveryCode.count({ where: { userId: actor.id, usedAt: null } });
    return { state: "on", enabledAt: user.totpEnabledAt, recoveryCodesLeft };
  }
  const secret = user.totpSecret ? openTotpSecret(actor.id, user.totpSecret) : null;
  if (!secret) return { state: "off" };
  const qrSvg = await QRCode.toString(totpUri(secret, user.email), {
    type: "svg",
    margin: 1,
    errorCorrectionLevel: "M",
  });
  return { state: "pending", secret, qrSvg };
}
