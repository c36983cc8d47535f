"use server";

import type { ActionResult } from "@/lib/errors";
import { secureFormAction } from "@/lib/security/action";
import { createComment, createCommentSchema } from "@/lib/services/comments/create-comment";

export type CommentFormState = ActionResult<{ id: string }> | null;

/** 发表评论. A public POST endpoint like any action: the wrapper checks origin and input, the service authorizes. */
export const createCommentAction = secureFormAction(
  { name: "comment.create", input: createCommentSchema, auth: "user", permission: "comment.create" },
  async (input, { actor, ip, userAgent }) => {
    const result = await createComment(actor, input, { ip, userAgent });
    return { id: result.id };
  },
);
