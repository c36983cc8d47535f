import { adminRoute } from "@/lib/api/admin-route";
import { adminArticleListQuery, adminCreateArticleBody } from "@/lib/api/admin-schemas";
import { parseQuery } from "@/lib/api/query";
import { createArticle } from "@/lib/services/articles/create-article";
import { listAdminArticles } from "@/lib/services/api/admin-articles";

/** GET /api/v1/admin/articles?status=&page=: every article (drafts too), 20 a page, newest change first. */
export const GET = adminRoute(
  { name: "api.article.list", scope: "articles:read" },
  async (_b, { req, principal }) =>
    listAdminArticles(principal.actor, parseQuery(new URL(req.url), adminArticleListQuery)),
);

/** POST /api/v1/admin/articles: a new draft owned by the token's integration user (201). */
export const POST = adminRoute(
  { name: "api.article.create", scope: "articles:write", body: adminCreateArticleBody, status: 201 },
  async (body, { principal }) => {
    const created = await createArticle(principal.actor, body);
    return { publicId: created.publicId, version: created.version, status: "DRAFT" as const, pending: false };
  },
);
