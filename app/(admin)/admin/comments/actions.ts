"use server";

import { secureAction } from "@/lib/security/action";
import { moderateComments, moderateCommentsSchema } from "@/lib/services/moderation/moderate-comments";

/** 通过 / 拒绝 / 删除 for one comment or a selection; the service invalidates public comment lists. */
export const moderateCommentsAction = secureAction(
  { name: "comment.moderate", input: moderateCommentsSchema, auth: "user", permission: "comment.moderate" },
  (input, { actor }) => moderateComments(actor, input),
);
