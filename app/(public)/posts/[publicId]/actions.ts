"use server";

import type { ActionResult } from "@/lib/errors";
import { HELD_BY_LABELS } from "@/lib/comments/rules";
import { secureAction, secureFormAction } from "@/lib/security/action";
import { createComment, createCommentSchema } from "@/lib/services/comments/create-comment";
import { deleteOwnComment, deleteOwnCommentSchema } from "@/lib/services/comments/delete-own-comment";
import { editOwnComment, editOwnCommentSchema } from "@/lib/services/comments/edit-own-comment";
import { reportComment, reportCommentSchema } from "@/lib/services/comments/report-comment";

export type PostedComment = {
  id: string;
  status: "APPROVED" | "PENDING" | "REJECTED";
  /** why it waits, for the reader (先审后发, 含链接…) */
  heldLabel: string | null;
};
export type CommentFormState = ActionResult<PostedComment> | null;

/**
 * 发表评论 / 回复. The wrapper checks origin, session and input; the service checks the proof of
 * work (when this reader needs it), bans, limits, the closed switches and the idempotency key, and
 * decides by the rules whether the comment shows at once, waits, or is refused.
 */
export const createCommentAction = secureFormAction(
  { name: "comment.create", input: createCommentSchema, auth: "user", permission: "comment.create" },
  async (input, { actor, ip, userAgent }): Promise<PostedComment> => {
    const r = await createComment(actor, input, { ip, userAgent });
    return { id: r.id, status: r.status, heldLabel: r.heldBy ? HELD_BY_LABELS[r.heldBy] : null };
  },
);

/** 编辑: the author, within the edit window; the text goes through the rules again. */
export const editOwnCommentAction = secureAction(
  {
    name: "comment.editOwn",
    input: editOwnCommentSchema,
    auth: "user",
    permission: "comment.editOwn",
  },
  async (input, { actor }) => {
    await editOwnComment(actor, input);
  },
);

/** 删除: the author, within the edit window; the row stays for the trail, the text goes. */
export const deleteOwnCommentAction = secureAction(
  {
    name: "comment.deleteOwn",
    input: deleteOwnCommentSchema,
    auth: "user",
    permission: "comment.editOwn",
  },
  async (input, { actor }) => {
    await deleteOwnComment(actor, input);
  },
);

/** 举报: any signed-in reader (the same coarse gate as commenting), once per comment. */
export const reportCommentAction = secureAction(
  {
    name: "comment.report",
    input: reportCommentSchema,
    auth: "user",
    permission: "comment.create",
  },
  async (input, { actor }) => {
    await reportComment(actor, input);
  },
);
