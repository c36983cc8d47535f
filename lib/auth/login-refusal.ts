import { CredentialsSignin } from "next-auth";

/**
 * Why a sign-in was refused: the one way the result travels from authenticateUser and the
 * second-factor check, through authorize() (lib/auth/config.ts) and Auth.js, to the login action.
 * "invalid" covers unknown email, wrong password, malformed input, a block and a missing captcha
 * alike; its hints (how long to wait, whether a captcha is needed) are the same for every
 * address, registered or not. "suspended" and the second-factor reasons come only after a
 * correct password, so they tell nothing to someone guessing passwords.
 */
export type LoginRefusal =
  | { reason: "invalid"; retryAfterSeconds?: number; captchaRequired?: boolean; captchaFailed?: boolean }
  | { reason: "suspended" }
  | { reason: "otp_required" | "otp_invalid" | "otp_blocked" };

/**
 * Auth.js puts `code` in the URL when its own endpoint refuses a sign-in; "credentials" is
 * CredentialsSignin's default, so a plain refusal looks as it always did.
 */
const CODES: Record<LoginRefusal["reason"], string> = {
  invalid: "credentials",
  suspended: "suspended",
  otp_required: "otp_required",
  otp_invalid: "otp_invalid",
  otp_blocked: "otp_blocked",
};

/** Thrown by authorize() for every refusal; Auth.js hands the same object to signIn()'s caller. */
export class LoginRefused extends CredentialsSignin {
  readonly refusal: LoginRefusal;
  constructor(refusal: LoginRefusal) {
    super();
    this.refusal = refusal;
    this.code = CODES[refusal.reason];
  }
}

/**
 * The refusal signIn() threw (a bare CredentialsSignin, which Auth.js raises itself when
 * authorize() returns nothing, is a plain "invalid"), or null for any other error: those are
 * failures, not answers.
 */
export function loginRefusalOf(e: unknown): LoginRefusal | null {
  if (!(e instanceof CredentialsSignin)) return null;
  return (e as Partial<LoginRefused>).refusal ?? { reason: "invalid" };
}
