"use server";

import { redirect } from "next/navigation";
import { secureFormAction } from "@/lib/security/action";
import { contributionSchema, submitContribution } from "@/lib/services/contributions/submit-contribution";

/** 提交投稿: on success the reader lands on 我的投稿 with the new entry at the top. */
export const submitContributionAction = secureFormAction(
  { name: "contribution.submit", input: contributionSchema, auth: "user", permission: "contribution.submit" },
  async (input, { actor }) => {
    await submitContribution(actor, input);
    redirect("/me/contributions?submitted=1");
  },
);
