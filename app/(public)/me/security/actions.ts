"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { failedState, formField } from "@/app/(auth)/action-helpers";
import type { AuthFormState } from "@/app/(auth)/form-state";
import { renewSession } from "@/lib/auth/renew-session";
import { secureFormAction } from "@/lib/security/action";
import { changePassword } from "@/lib/services/accounts/change-password";

const changeFormSchema = z.strictObject({ currentPassword: formField(4096), newPassword: formField(4096) });

/**
 * Password change. The service bumps sessionVersion, which ends every session of the user,
 * this one included; renewSession re-issues this browser's token under the new version, so only
 * the other devices are signed out. (Signing in again with the new password did the same, but
 * failed for accounts with 2FA, which need a code to sign in: they were sent to the login page.)
 */
export const changePasswordAction = secureFormAction(
  { name: "account.changePassword", input: changeFormSchema, auth: "user" },
  async (input, { actor, ip }): Promise<AuthFormState> => {
    try {
      await changePassword(actor, input, { ip });
    } catch (e) {
      return failedState(e, {}, "account.changePassword");
    }
    // the change stands either way; if this browser's session cannot be renewed, log in by hand
    if (!(await renewSession(actor.id))) redirect("/login?next=%2Fme%2Fsecurity");
    // a fresh request, so the page reads the new session cookie (this request still carries the old one)
    redirect("/me/security?changed=1");
  },
);
