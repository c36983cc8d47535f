import { withCurrentVersion } from "@/lib/api/admin-conflict";
import { adminRoute } from "@/lib/api/admin-route";
import { adminArticleParams, adminUpdateArticleBody } from "@/lib/api/admin-schemas";
import { articleHeadOf, getAdminArticle } from "@/lib/services/api/admin-articles";
import { updateArticle } from "@/lib/services/articles/update-article";

/** GET /api/v1/admin/articles/{publicId}: the article as the editor opens it, with its version. */
export const GET = adminRoute(
  { name: "api.article.get", scope: "articles:read", params: adminArticleParams },
  async (_b, { principal, params }) => getAdminArticle(principal.actor, params.publicId),
);

/**
 * PATCH /api/v1/admin/articles/{publicId}: the editor's 保存 with `version` and the fields to
 * change. A live article's change waits as its pending edit (…/publish applies it). A stale
 * version is 409 with `currentVersion` and changes nothing.
 */
export const PATCH = adminRoute(
  {
    name: "api.article.update",
    scope: "articles:write",
    params: adminArticleParams,
    body: adminUpdateArticleBody,
  },
  async (body, { principal, params }) => {
    const head = await articleHeadOf(params.publicId);
    const saved = await withCurrentVersion(head.id, () =>
      updateArticle(principal.actor, { ...body, id: head.id }),
    );
    if (saved instanceof Response) return saved;
    return { publicId: params.publicId, version: saved.version, status: head.status, pending: saved.pending };
  },
);
