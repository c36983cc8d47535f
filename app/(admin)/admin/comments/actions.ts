"use server";

import { secureAction, secureFormAction } from "@/lib/security/action";
import { banCommenter, banCommenterSchema } from "@/lib/services/comments/ban-commenter";
import { liftCommentBan, liftCommentBanSchema } from "@/lib/services/comments/lift-comment-ban";
import { moderateComments, moderateCommentsSchema } from "@/lib/services/moderation/moderate-comments";

/** 通过 / 拒绝 / 标为垃圾 / 删除 for one comment or a selection; the service invalidates public comment lists. */
export const moderateCommentsAction = secureAction(
  { name: "comment.moderate", input: moderateCommentsSchema, auth: "user", permission: "comment.moderate" },
  (input, { actor }) => moderateComments(actor, input),
);

/** 禁言 from a queue row or the user's admin page. */
export const banCommenterAction = secureFormAction(
  { name: "comment.ban", input: banCommenterSchema, auth: "user", permission: "comment.moderate" },
  async (input, { actor }) => void (await banCommenter(actor, input)),
);

/** 解除 on the 禁言名单. */
export const liftCommentBanAction = secureAction(
  { name: "comment.liftBan", input: liftCommentBanSchema, auth: "user", permission: "comment.moderate" },
  async (input, { actor }) => void (await liftCommentBan(actor, input)),
);
