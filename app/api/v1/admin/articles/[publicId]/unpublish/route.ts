import { withCurrentVersion } from "@/lib/api/admin-conflict";
import { adminRoute } from "@/lib/api/admin-route";
import { adminArticleParams, adminUnpublishBody } from "@/lib/api/admin-schemas";
import { articleHeadOf } from "@/lib/services/api/admin-articles";
import { unpublishArticle } from "@/lib/services/articles/unpublish-article";

/** POST /api/v1/admin/articles/{publicId}/unpublish: 撤回 to a draft (default) or 归档. */
export const POST = adminRoute(
  {
    name: "api.article.unpublish",
    scope: "articles:publish",
    params: adminArticleParams,
    body: adminUnpublishBody,
  },
  async (body, { principal, params }) => {
    const head = await articleHeadOf(params.publicId);
    const done = await withCurrentVersion(head.id, () =>
      unpublishArticle(principal.actor, { id: head.id, to: body.to ?? "DRAFT" }),
    );
    if (done instanceof Response) return done;
    return { publicId: params.publicId, version: done.version, status: done.status, pending: false };
  },
);
