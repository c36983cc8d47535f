"use server";

import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { AppError } from "@/lib/errors";
import { secureFormAction } from "@/lib/security/action";
import { verifyCaptcha } from "@/lib/security/captcha";
import { logger } from "@/lib/logger";
import { prepareRegistration } from "@/lib/services/accounts/register-user";
import { failedState, formField } from "../action-helpers";
import { CAPTCHA_WRONG_MESSAGE, type AuthFormState } from "../form-state";

const registerFormSchema = z.strictObject({
  email: formField(1000),
  displayName: formField(1000),
  password: formField(4096),
  next: formField(2048),
  captchaToken: formField(400),
  captchaAnswer: formField(64),
});

/**
 * Self-service registration. Whether or not the email already has an account, the visitor sees
 * the same thing: "注册成功，请登录" on the login page, and no session. Signing new accounts in
 * straight away would tell anyone probing an address whether it is registered (signed in = new,
 * not signed in = taken). The cost is one extra login for a genuinely new reader; the owner of an
 * existing address simply logs in with their real password. What remains (register with a
 * guessed password, then try to log in) costs a captcha, a registration (5 an hour per IP) and a
 * login under the brute-force limits per probe; closing it fully needs email verification.
 * The response time does not depend on it either: the account is written after answering.
 * Fields other than these (role, status…) are refused by the strict schema: no mass assignment.
 */
export const registerAction = secureFormAction(
  { name: "auth.register", input: registerFormSchema, auth: "optional" },
  async (input, { ip }): Promise<AuthFormState> => {
    const values = {
      email: (input.email ?? "").slice(0, 300),
      displayName: (input.displayName ?? "").slice(0, 300),
    };
    try {
      // the captcha first: it is spent whatever else is wrong, so each guess costs a new picture
      if (!(await verifyCaptcha(input.captchaToken, input.captchaAnswer))) {
        throw new AppError("INVALID", CAPTCHA_WRONG_MESSAGE, {
          fieldErrors: { captchaAnswer: [CAPTCHA_WRONG_MESSAGE] },
        });
      }
      const registration = await prepareRegistration(
        { email: input.email, displayName: input.displayName, password: input.password },
        { ip },
      );
      // the lookup and the write happen after the answer: a new address must not answer later than
      // a taken one (register-user.ts); the account exists well before anyone can type a password
      after(() =>
        registration
          .complete()
          .catch((err: unknown) => logger.error({ err }, "registration failed after answering")),
      );
    } catch (e) {
      return failedState(e, values, "auth.register");
    }
    const next = safeNextPath(input.next);
    redirect(next === "/" ? "/login?registered=1" : `/login?registered=1&next=${encodeURIComponent(next)}`);
  },
);
