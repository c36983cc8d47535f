"use server";

import { secureAction } from "@/lib/security/action";
import { setCommentsClosed, setCommentsClosedSchema } from "@/lib/services/articles/set-comments-closed";

/** 关闭评论 / 开启评论 on one article; the service checks editor-or-owner and invalidates the page. */
export const setCommentsClosedAction = secureAction(
  { name: "article.comments", input: setCommentsClosedSchema, auth: "user", permission: "article.create" },
  (input, { actor }) => setCommentsClosed(actor, input),
);
