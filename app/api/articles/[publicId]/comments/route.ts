import { connection } from "next/server";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { jsonError } from "@/lib/http/api-response";
import { publicIdSchema } from "@/lib/public-id";
import { decodeCommentCursor } from "@/lib/services/public/comment-cursor";
import { getPublicArticle } from "@/lib/services/public/get-public-article";
import { listArticleComments } from "@/lib/services/public/list-article-comments";

type Ctx = { params: Promise<{ publicId: string }> };

const BAD_QUERY = "评论分页参数无效，请刷新页面后重试。";
const query = z.strictObject({
  order: z.enum(["newest", "oldest"]).default("newest"),
  cursor: z
    .string()
    .max(64)
    .refine((c) => decodeCommentCursor(c) !== null)
    .optional(),
});

/**
 * 加载更多评论: the next page of an article's approved comments after a keyset cursor, in either
 * order. The same for every reader (nothing per-user: a reader's own pending comments come from
 * my-comments), read through the cached list, so browsers may keep an answer briefly.
 */
export async function GET(req: Request, ctx: Ctx) {
  await connection();
  try {
    const publicId = publicIdSchema.safeParse((await ctx.params).publicId);
    if (!publicId.success) throw new AppError("NOT_FOUND");
    const params = Object.fromEntries(new URL(req.url).searchParams);
    const parsed = query.safeParse(params);
    // zod's own messages are English; the reader gets ours
    if (!parsed.success) throw new AppError("INVALID", BAD_QUERY);
    const article = await getPublicArticle(publicId.data);
    if (!article) throw new AppError("NOT_FOUND");
    const page = await listArticleComments(article.id, parsed.data.order, parsed.data.cursor ?? null);
    return Response.json(page, { headers: { "Cache-Control": "public, max-age=30" } });
  } catch (e) {
    return jsonError(e);
  }
}
