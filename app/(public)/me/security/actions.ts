"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { failedState, formField } from "@/app/(auth)/action-helpers";
import type { AuthFormState } from "@/app/(auth)/form-state";
import { signIn } from "@/lib/auth";
import { secureFormAction } from "@/lib/security/action";
import { changePassword } from "@/lib/services/accounts/change-password";

const changeFormSchema = z.strictObject({ currentPassword: formField(4096), newPassword: formField(4096) });

/**
 * Password change. The service bumps sessionVersion, which ends every session of the user,
 * this one included; signing in again here with the new password gives this browser a fresh
 * token, so only the other devices are signed out.
 */
export const changePasswordAction = secureFormAction({ name: "account.changePassword", input: changeFormSchema, auth: "user" }, async (input, { actor, ip }): Promise<AuthFormState> => {
  let email: string;
  try {
    ({ email } = await changePassword(actor, input, { ip }));
  } catch (e) {
    return failedState(e, {}, "account.changePassword");
  }
  try {
    await signIn("credentials", { email, password: input.newPassword, redirect: false });
  } catch {
    // the change stands; only the automatic sign-in failed (e.g. a captcha is due): log in by hand
    redirect("/login?next=%2Fme%2Fsecurity");
  }
  // a fresh request, so the page reads the new session cookie (this request still carries the old one)
  redirect("/me/security?changed=1");
});
