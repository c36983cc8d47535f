"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth";
import { safeNextPath } from "@/lib/auth/safe-next-path";
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
    await signIn("credentials", { ...parsed.data, redirect: false });
  } catch (e) {
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
