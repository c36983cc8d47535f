import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

type NoticeKind =
  | "contribution.returned"
  | "contribution.declined"
  | "contribution.published"
  | "article.returned"
  | "note.mention"
  | "comment.onArticle"
  | "comment.reply";

export type Notice = {
  kind: NoticeKind;
  title: string;
  body?: string;
  /** site-relative; checked again with safeNextPath when it is followed */
  url?: string | null;
  articleId?: string | null;
};

const clip = (s: string, max: number) => ([...s].length > max ? `${[...s].slice(0, max - 1).join("")}…` : s);

/**
 * In-app notices, written inside the caller's transaction so a notice exists exactly when the
 * change it reports committed. Duplicate recipients get one notice; the acting user gets none.
 */
export async function notify(
  tx: Prisma.TransactionClient,
  recipients: (string | null | undefined)[],
  notice: Notice,
  exceptUserId?: string | null,
) {
  const userIds = [...new Set(recipients.filter((id): id is string => !!id && id !== exceptUserId))];
  if (!userIds.length) return;
  await tx.notification.createMany({
    data: userIds.map((userId) => ({
      userId,
      kind: notice.kind,
      title: clip(notice.title, 200),
      body: clip(notice.body ?? "", 500),
      url: notice.url ?? null,
      articleId: notice.articleId ?? null,
    })),
  });
}
