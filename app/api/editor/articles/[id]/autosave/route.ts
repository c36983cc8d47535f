import { z } from "zod";
import { AppError } from "@/lib/errors";
import { idParam, secureRoute } from "@/lib/security/route";
import { updateArticle } from "@/lib/services/articles/update-article";

/** The save action's own limit: a 500 KB body plus the source text stays under it (schemas.ts). */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * POST /api/editor/articles/[id]/autosave: the same save as saveArticleAction (same schema, same
 * service, kind and version in the body), for the editor's keepalive fetch when the page is
 * hidden or closed, which a server action cannot be. Origin, session and permission are checked
 * by secureRoute; the body is read here because a save may exceed secureRoute's 64 KB JSON limit.
 */
export const POST = secureRoute(
  {
    name: "article.autosave",
    auth: "user",
    permission: "article.editOwn",
    params: z.strictObject({ id: idParam }),
  },
  async (_none, { req, actor, params }) => {
    if (!(req.headers.get("content-type") ?? "").includes("application/json"))
      throw new AppError("INVALID", "请求格式应为 JSON。");
    const declared = Number(req.headers.get("content-length") ?? 0);
    if (declared > MAX_BODY_BYTES) throw new AppError("INVALID", "请求内容过大。");
    const text = await req.text();
    if (new TextEncoder().encode(text).length > MAX_BODY_BYTES)
      throw new AppError("INVALID", "请求内容过大。");
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new AppError("INVALID", "请求内容不是有效的 JSON。");
    }
    if (typeof body !== "object" || body === null || Array.isArray(body))
      throw new AppError("INVALID", "请求内容有误。");
    // the id is the path's; a different id in the body is refused by the schema check below
    const input = { ...body, id: params.id };
    if ("id" in body && (body as { id: unknown }).id !== params.id)
      throw new AppError("INVALID", "文章编号不一致。");
    return updateArticle(actor, input);
  },
);
