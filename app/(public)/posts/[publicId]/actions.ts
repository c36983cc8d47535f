"use server";

import { headers } from "next/headers";
import { getCurrentUser } from "@/lib/auth/session";
import { toActionError, type ActionResult } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { createComment } from "@/lib/services/comments/create-comment";

export type CommentFormState = ActionResult<{ id: string }> | null;

/** 发表评论. A public POST endpoint like any action: the service authenticates and authorizes. */
export async function createCommentAction(
  _prev: CommentFormState,
  form: FormData,
): Promise<CommentFormState> {
  try {
    const h = await headers();
    const result = await createComment(
      await getCurrentUser(),
      {
        publicId: String(form.get("publicId") ?? ""),
        body: String(form.get("body") ?? ""),
        parentId: String(form.get("parentId") ?? ""),
      },
      { ip: h.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null, userAgent: h.get("user-agent") },
    );
    return { ok: true, data: { id: result.id } };
  } catch (e) {
    const error = toActionError(e);
    if (error.code === "INTERNAL") logger.error({ err: e }, "createCommentAction failed");
    return { ok: false, error };
  }
}
