import { adminRoute } from "@/lib/api/admin-route";
import { adminCommentListQuery } from "@/lib/api/admin-schemas";
import { parseQuery } from "@/lib/api/query";
import { listAdminComments } from "@/lib/services/api/admin-comments";

/** GET /api/v1/admin/comments?status=PENDING&page=: the moderation queue, 25 a page. */
export const GET = adminRoute(
  { name: "api.comment.list", scope: "comments:moderate" },
  async (_b, { req, principal }) =>
    listAdminComments(principal.actor, parseQuery(new URL(req.url), adminCommentListQuery)),
);
