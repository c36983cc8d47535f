"use server";

import { redirect } from "next/navigation";
import { ZodError } from "zod";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { AppError, toActionError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { registerUser, registerUserSchema } from "@/lib/services/accounts/register-user";
import { formText, type AuthFormState } from "../form-state";

/**
 * Self-service registration. Whether or not the email already has an account, the visitor sees
 * the same thing: "注册成功，请登录" on the login page, and no session. Signing new accounts in
 * straight away would tell anyone probing an address whether it is registered (signed in = new,
 * not signed in = taken). The cost is one extra login for a genuinely new reader; the owner of an
 * existing address simply logs in with their real password. What remains (register with a
 * guessed password, then try to log in) costs a full registration and a failed login per probe,
 * both of which the security-hardening issue rate-limits; closing it fully needs email
 * verification, which is planned with the mail work.
 */
export async function registerAction(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const values = { email: formText(formData, "email"), displayName: formText(formData, "displayName") };
  try {
    const input = registerUserSchema.parse({
      email: formData.get("email"),
      displayName: formData.get("displayName"),
      password: formData.get("password"),
    });
    await registerUser(input);
  } catch (e) {
    if (!(e instanceof AppError || e instanceof ZodError)) logger.error({ err: e }, "registration failed unexpectedly");
    return { error: toActionError(e), values };
  }
  const next = safeNextPath(formData.get("next"));
  redirect(next === "/" ? "/login?registered=1" : `/login?registered=1&next=${encodeURIComponent(next)}`);
}
