import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { publicIdSchema } from "@/lib/public-id";

/** Bookmarks only ever point at articles a reader can see; anything else is "not found". */
export async function findBookmarkableArticle(publicId: string): Promise<{ id: string }> {
  const article = await db.article.findFirst({
    where: {
      publicId: publicIdSchema.parse(publicId),
      status: "PUBLISHED",
      publishedAt: { lte: new Date() },
    },
    select: { id: true },
  });
  if (!article) throw new AppError("NOT_FOUND");
  return article;
}
