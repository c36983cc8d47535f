"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { renewSession } from "@/lib/auth/renew-session";
import { secureFormAction } from "@/lib/security/action";
import { beginTwoFactorSetup } from "@/lib/services/two-factor/begin-two-factor-setup";
import {
  confirmTwoFactorSchema,
  confirmTwoFactorSetup,
} from "@/lib/services/two-factor/confirm-two-factor-setup";
import { disableTwoFactor, disableTwoFactorSchema } from "@/lib/services/two-factor/disable-two-factor";
import {
  regenerateRecoveryCodes,
  regenerateRecoveryCodesSchema,
} from "@/lib/services/two-factor/regenerate-recovery-codes";

const PATH = "/me/two-factor";

export const beginTwoFactorSetupAction = secureFormAction(
  {
    name: "account.twoFactor.begin",
    input: z.strictObject({}),
    auth: "user",
    permission: "account.twoFactor",
  },
  async (_input, { actor }) => {
    await beginTwoFactorSetup(actor);
    revalidatePath(PATH);
  },
);

/**
 * Answers with the recovery codes. The services end every session of the user (sessionVersion);
 * renewSession keeps this browser signed in. Its new cookie makes Next.js re-render the page with
 * the old one, so the codes are held above the panel until "完成" (recovery-codes-slot.tsx).
 */
export const confirmTwoFactorAction = secureFormAction(
  {
    name: "account.twoFactor.confirm",
    input: confirmTwoFactorSchema,
    auth: "user",
    permission: "account.twoFactor",
  },
  async (input, { actor }) => {
    const codes = await confirmTwoFactorSetup(actor, input);
    await renewSession(actor.id);
    return codes;
  },
);

export const disableTwoFactorAction = secureFormAction(
  {
    name: "account.twoFactor.disable",
    input: disableTwoFactorSchema,
    auth: "user",
    permission: "account.twoFactor",
  },
  async (input, { actor }) => {
    await disableTwoFactor(actor, input);
    await renewSession(actor.id);
    // a fresh request, so the page reads the renewed cookie (this one still carries the old)
    redirect(PATH);
  },
);

/** Like confirm: answers with the new codes and lets the page keep showing them until "完成". */
export const regenerateRecoveryCodesAction = secureFormAction(
  {
    name: "account.twoFactor.regenerateCodes",
    input: regenerateRecoveryCodesSchema,
    auth: "user",
    permission: "account.twoFactor",
  },
  async (input, { actor }) => {
    const codes = await regenerateRecoveryCodes(actor, input);
    await renewSession(actor.id);
    return codes;
  },
);
