"use server";

import { z } from "zod";
import { secureFormAction } from "@/lib/security/action";
import { requestPasswordReset } from "@/lib/services/accounts/request-password-reset";
import { failedState, formField } from "../action-helpers";
import { FORGOT_NOTICE, type AuthFormState } from "../form-state";

const forgotFormSchema = z.strictObject({ email: formField(1000) });

export const forgotPasswordAction = secureFormAction(
  { name: "auth.forgotPassword", input: forgotFormSchema, auth: "optional" },
  async (input, { ip }): Promise<AuthFormState> => {
    const values = { email: (input.email ?? "").slice(0, 300) };
    try {
      // the mail goes out in the background: awaiting it would make known addresses slower
      await requestPasswordReset({ email: input.email }, { ip });
    } catch (e) {
      return failedState(e, values, "auth.forgotPassword");
    }
    return { notice: FORGOT_NOTICE, values };
  },
);
