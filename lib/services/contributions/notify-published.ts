import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notify } from "@/lib/services/notifications/notify";

/** Inside the publishing transaction: the reader whose contribution went live is told so. */
export async function notifyContributionPublished(tx: Prisma.TransactionClient, articleId: string) {
  const a = await tx.article.findUniqueOrThrow({
    where: { id: articleId },
    select: { isContribution: true, authorId: true, title: true, publicId: true },
  });
  if (!a.isContribution) return;
  await notify(tx, [a.authorId], {
    kind: "contribution.published",
    title: `你的投稿《${a.title}》已发表`,
    url: `/posts/${a.publicId}`,
    articleId,
  });
}
