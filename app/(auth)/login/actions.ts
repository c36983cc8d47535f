"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn } from "@/lib/auth";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { secondFactorError } from "@/lib/auth/second-factor-signin";
import { toActionError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { secureFormAction } from "@/lib/security/action";
import { rateLimitedError } from "@/lib/security/rate-limit-rules";
import { loginSchema } from "@/lib/services/accounts/authenticate-user";
import { captureLoginOutcome, type LoginOutcome } from "@/lib/services/accounts/login-outcome";
import { formField } from "../action-helpers";
import {
  ACCOUNT_SUSPENDED_MESSAGE,
  CAPTCHA_NEEDED_MESSAGE,
  CAPTCHA_WRONG_MESSAGE,
  INVALID_CREDENTIALS_MESSAGE,
  type AuthFormState,
} from "../form-state";

const loginFormSchema = z.strictObject({
  email: formField(1000),
  password: formField(4096),
  next: formField(2048),
  captchaToken: formField(400),
  captchaAnswer: formField(64),
  /** 动态口令 or a recovery code, for accounts with 2FA (lib/services/two-factor/) */
  otp: formField(64),
});

/**
 * Email + password sign-in. The Credentials provider (lib/auth/config.ts → authenticateUser)
 * checks the password under the brute-force rules; this action only turns the outcome into
 * what the visitor reads. Every optional credential (captcha today, a TOTP code tomorrow) is
 * passed through `credentials` below, the one place signIn is called.
 */
export const loginAction = secureFormAction(
  { name: "auth.login", input: loginFormSchema, auth: "optional" },
  async (input): Promise<AuthFormState> => {
    const values = { email: (input.email ?? "").slice(0, 300) };
    const parsed = loginSchema.pick({ email: true, password: true }).safeParse(input);
    if (!parsed.success) return { error: toActionError(parsed.error), values };

    // Auth.js form-encodes the credentials: an undefined field would arrive as the text "undefined"
    const extras = Object.fromEntries(
      Object.entries({
        captchaToken: input.captchaToken,
        captchaAnswer: input.captchaAnswer,
        otp: input.otp,
      }).filter(([, v]) => typeof v === "string" && v !== ""),
    );
    const credentials = { ...parsed.data, ...extras };
    const { outcome, error } = await captureLoginOutcome(() =>
      signIn("credentials", { ...credentials, redirect: false }),
    );
    if (error) {
      // 2FA accounts: only after a correct password, ask for (or re-ask) the 动态口令
      const factorError = secondFactorError(error);
      if (factorError) return { error: factorError, values, needsOtp: true };
      return {
        error: signInError(error, outcome, Boolean(input.captchaToken)),
        values,
        needsCaptcha: outcome.captchaRequired,
      };
    }
    redirect(safeNextPath(input.next));
  },
);

function signInError(e: unknown, outcome: LoginOutcome, triedCaptcha: boolean): AuthFormState["error"] {
  if (e instanceof AuthError && e.type === "CredentialsSignin") {
    if (outcome.retryAfterSeconds) return toActionError(rateLimitedError(outcome.retryAfterSeconds));
    if (outcome.captchaFailed) {
      const message = triedCaptcha ? CAPTCHA_WRONG_MESSAGE : CAPTCHA_NEEDED_MESSAGE;
      return {
        code: "INVALID",
        message,
        fieldErrors: triedCaptcha ? { captchaAnswer: [message] } : undefined,
      };
    }
    const suspended = (e as AuthError & { code?: string }).code === "suspended";
    return {
      code: suspended ? "FORBIDDEN" : "INVALID",
      message: suspended ? ACCOUNT_SUSPENDED_MESSAGE : INVALID_CREDENTIALS_MESSAGE,
    };
  }
  logger.error({ err: e }, "sign-in failed unexpectedly");
  return toActionError(e);
}
