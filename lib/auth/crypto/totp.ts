import { generateSecret, generateURI, verify } from "otplib";

/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30 s) as every authenticator app speaks it. A code is
 * accepted one step either side of now (clock drift), and never at or before the last step
 * that was accepted for the account, so a code seen over a shoulder or phished is good once.
 */

export const TOTP_PERIOD_S = 30;
export const TOTP_CODE = /^\d{6}$/;

export const newTotpSecret = () => generateSecret({ length: 20 });

export const totpUri = (secret: string, account: string) =>
  generateURI({ issuer: "署名 Byline", label: account, secret });

/** Spaces and dashes people type or paste ("123 456") are not part of the code. */
export const normalizeCode = (raw: string) => raw.replace(/[\s-]/g, "");

/**
 * The time step the code belongs to, or null when it is wrong, outside the ±1 step window, or
 * a replay (its step is not after `lastUsedStep`). The caller stores the step it gets back.
 */
export async function acceptTotp(
  secret: string,
  raw: string,
  { now, lastUsedStep }: { now: number; lastUsedStep: number | null },
): Promise<number | null> {
  const code = normalizeCode(raw);
  if (!TOTP_CODE.test(code)) return null;
  const epoch = Math.floor(now / 1000);
  const result = await verify({
    secret,
    token: code,
    epoch,
    epochTolerance: TOTP_PERIOD_S,
    period: TOTP_PERIOD_S,
  });
  if (!result.valid) return null;
  const step = Math.floor(epoch / TOTP_PERIOD_S) + result.delta;
  return lastUsedStep !== null && step <= lastUsedStep ? null : step;
}
