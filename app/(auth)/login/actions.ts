"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { secondFactorError } from "@/lib/auth/second-factor-signin";
import { toActionError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { loginSchema } from "@/lib/services/accounts/authenticate-user";
import { ACCOUNT_SUSPENDED_MESSAGE, formText, INVALID_CREDENTIALS_MESSAGE, type AuthFormState } from "../form-state";

/** Email + password sign-in. The Credentials provider (lib/auth/config.ts) does the checking. */
export async function loginAction(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const values = { email: formText(formData, "email") };
  const parsed = loginSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return { error: toActionError(parsed.error), values };

  try {
    await signIn("credentials", { ...parsed.data, otp: formText(formData, "otp", 64), redirect: false });
  } catch (e) {
    // 2FA accounts: only after a correct password, ask for (or re-ask) the 动态口令
    const factorError = secondFactorError(e);
    if (factorError) return { error: factorError, values, needsOtp: true };
    return { error: signInError(e), values };
  }
  redirect(safeNextPath(formData.get("next")));
}

function signInError(e: unknown): AuthFormState["error"] {
  if (e instanceof AuthError && e.type === "CredentialsSignin") {
    const suspended = (e as AuthError & { code?: string }).code === "suspended";
    return { code: suspended ? "FORBIDDEN" : "INVALID", message: suspended ? ACCOUNT_SUSPENDED_MESSAGE : INVALID_CREDENTIALS_MESSAGE };
  }
  logger.error({ err: e }, "sign-in failed unexpectedly");
  return toActionError(e);
}
