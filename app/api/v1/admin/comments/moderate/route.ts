import { adminRoute } from "@/lib/api/admin-route";
import { moderateComments, moderateCommentsSchema } from "@/lib/services/moderation/moderate-comments";

/**
 * POST /api/v1/admin/comments/moderate `{ ids, decision }`: 通过 / 拒绝 / 垃圾 / 删除, up to 100 at
 * once, exactly as the moderation queue does (comments someone else already handled are skipped).
 */
export const POST = adminRoute(
  { name: "api.comment.moderate", scope: "comments:moderate", body: moderateCommentsSchema },
  async (body, { principal }) => moderateComments(principal.actor, body),
);
