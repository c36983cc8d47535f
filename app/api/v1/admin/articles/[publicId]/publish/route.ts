import { withCurrentVersion } from "@/lib/api/admin-conflict";
import { adminRoute } from "@/lib/api/admin-route";
import { adminArticleParams, adminPublishBody } from "@/lib/api/admin-schemas";
import { articleHeadOf } from "@/lib/services/api/admin-articles";
import { publishArticle } from "@/lib/services/articles/publish-article";
import { applyPendingEdit } from "@/lib/services/articles/pending/apply-pending-edit";

/**
 * POST /api/v1/admin/articles/{publicId}/publish: 发布 now, or 定时发布 at `scheduledAt`. On a
 * live article it is 更新: its pending edit goes live. `version` must be the one last read.
 */
export const POST = adminRoute(
  {
    name: "api.article.publish",
    scope: "articles:publish",
    params: adminArticleParams,
    body: adminPublishBody,
  },
  async (body, { principal, params }) => {
    const head = await articleHeadOf(params.publicId);
    const result = await withCurrentVersion(head.id, async () => {
      if (head.status === "PUBLISHED") {
        const saved = await applyPendingEdit(principal.actor, { id: head.id, version: body.version });
        return { version: saved.version, status: "PUBLISHED" as const };
      }
      const done = await publishArticle(principal.actor, {
        id: head.id,
        version: body.version,
        scheduledAt: body.scheduledAt ?? null,
      });
      return { version: done.version, status: done.status };
    });
    if (result instanceof Response) return result;
    return { publicId: params.publicId, ...result, pending: false };
  },
);
