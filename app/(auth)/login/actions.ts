"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn } from "@/lib/auth";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { loginRefusalOf } from "@/lib/auth/login-refusal";
import { toActionError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { secureFormAction } from "@/lib/security/action";
import { loginSchema } from "@/lib/services/accounts/authenticate-user";
import { formField } from "../action-helpers";
import type { AuthFormState } from "../form-state";
import { loginAnswer } from "./login-answer";

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
 * checks the password under the brute-force rules and throws one LoginRefused for every
 * refusal (lib/auth/login-refusal.ts); this action only turns it into what the visitor reads. Every optional credential (captcha today, a TOTP code tomorrow) is
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
    try {
      await signIn("credentials", { ...credentials, redirect: false });
    } catch (error) {
      const refusal = loginRefusalOf(error);
      if (refusal) return { ...loginAnswer(refusal, Boolean(input.captchaToken)), values };
      logger.error({ err: error }, "sign-in failed unexpectedly");
      return { error: toActionError(error), values };
    }
    redirect(safeNextPath(input.next));
  },
);
