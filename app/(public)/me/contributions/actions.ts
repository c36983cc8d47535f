"use server";

import { redirect } from "next/navigation";
import { secureAction, secureFormAction } from "@/lib/security/action";
import {
  resubmitContribution,
  resubmitContributionSchema,
} from "@/lib/services/contributions/resubmit-contribution";
import {
  withdrawContribution,
  withdrawContributionSchema,
} from "@/lib/services/contributions/withdraw-contribution";

/*
 * The reader's side of a returned contribution. The services allow only the owner, only a
 * contribution, only in the right status (anything else answers NOT_FOUND or INVALID).
 */

/** 修改后重新提交 (form): back to 我的投稿 with a notice. */
export const resubmitContributionAction = secureFormAction(
  {
    name: "contribution.resubmit",
    input: resubmitContributionSchema,
    auth: "user",
    permission: "contribution.submit",
  },
  async (input, { actor }) => {
    await resubmitContribution(actor, input);
    redirect("/me/contributions?resubmitted=1");
  },
);

/** 撤回投稿: in review or returned → withdrawn (ARCHIVED). */
export const withdrawContributionAction = secureAction(
  {
    name: "contribution.withdraw",
    input: withdrawContributionSchema,
    auth: "user",
    permission: "contribution.submit",
  },
  (input, { actor }) => withdrawContribution(actor, input),
);
