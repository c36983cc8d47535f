import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const articlePublicIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,16}$/, "文章编号无效。");

/** Bookmarks only ever point at articles a reader can see; anything else is "not found". */
export async function findBookmarkableArticle(publicId: string): Promise<{ id: string }> {
  const article = await db.article.findFirst({
    where: {
      publicId: articlePublicIdSchema.parse(publicId),
      status: "PUBLISHED",
      publishedAt: { lte: new Date() },
    },
    select: { id: true },
  });
  if (!article) throw new AppError("NOT_FOUND");
  return article;
}
