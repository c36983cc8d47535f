"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { secureFormAction } from "@/lib/security/action";
import { resetPassword } from "@/lib/services/accounts/reset-password";
import { failedState, formField } from "../action-helpers";
import type { AuthFormState } from "../form-state";

const resetFormSchema = z.strictObject({ token: formField(200), password: formField(4096) });

/** Sets the new password and sends the visitor to log in with it: every session has ended. */
export const resetPasswordAction = secureFormAction(
  { name: "auth.resetPassword", input: resetFormSchema, auth: "optional" },
  async (input): Promise<AuthFormState> => {
    try {
      await resetPassword({ token: input.token ?? "", password: input.password });
    } catch (e) {
      return failedState(e, {}, "auth.resetPassword");
    }
    redirect("/login?reset=1");
  },
);
