import "server-only";
import { db } from "@/lib/db";
import { absoluteUrl } from "@/lib/site-url";

/**
 * The list sections of a user's data export, each read in keyset batches so a user with many
 * rows is streamed, never held in memory at once. Every query is scoped to the one user id.
 */

const BATCH = 500;

const publicUrl = (a: { publicId: string; status: string }) =>
  a.status === "PUBLISHED" ? absoluteUrl(`/posts/${a.publicId}`) : null;

type Page<T> = (cursor: string | undefined) => Promise<(T & { id: string })[]>;

/** Batches of rows ordered by (createdAt, id); the cursor is the last id (unique). */
async function* batches<T>(page: Page<T>): AsyncGenerator<(T & { id: string })[]> {
  let cursor: string | undefined;
  for (;;) {
    const rows = await page(cursor);
    if (rows.length) yield rows;
    if (rows.length < BATCH) return;
    cursor = rows[rows.length - 1]!.id;
  }
}

const keyset = (cursor: string | undefined) => ({
  take: BATCH,
  ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }],
});

/** Every comment the user wrote, whatever its status, with the article it was written under. */
export async function* commentsOf(userId: string) {
  for await (const rows of batches((c) =>
    db.comment.findMany({
      where: { authorId: userId },
      ...keyset(c),
      select: {
        id: true,
        body: true,
        status: true,
        parentId: true,
        ip: true,
        userAgent: true,
        createdAt: true,
        editedAt: true,
        article: { select: { title: true, publicId: true, status: true } },
      },
    }),
  )) {
    yield rows.map(({ article, ...c }) => ({
      ...c,
      article: { title: article.title, url: publicUrl(article) },
    }));
  }
}

/** Bookmarks (their key is user + article, so the keyset runs on the article id of this user's rows). */
export async function* bookmarksOf(userId: string) {
  let after: string | undefined;
  for (;;) {
    const rows = await db.bookmark.findMany({
      where: { userId, ...(after ? { articleId: { gt: after } } : {}) },
      orderBy: { articleId: "asc" },
      take: BATCH,
      select: {
        articleId: true,
        createdAt: true,
        article: { select: { title: true, publicId: true, status: true } },
      },
    });
    if (rows.length) {
      yield rows.map((b) => ({
        createdAt: b.createdAt,
        article: { title: b.article.title, url: publicUrl(b.article) },
      }));
    }
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1]!.articleId;
  }
}

/** Articles the user wrote (投稿 and any staff drafts), with their status; deleted ones are gone for them too. */
export async function* contributionsOf(userId: string) {
  for await (const rows of batches((c) =>
    db.article.findMany({
      where: { authorId: userId, deletedAt: null },
      ...keyset(c),
      select: {
        id: true,
        publicId: true,
        title: true,
        lede: true,
        bodyText: true,
        status: true,
        isContribution: true,
        createdAt: true,
        publishedAt: true,
        category: { select: { name: true } },
      },
    }),
  )) {
    yield rows.map(({ category, ...a }) => ({ ...a, category: category.name, url: publicUrl(a) }));
  }
}

/** Notifications sent to the user: they describe the user's own activity (投稿 decisions, replies). */
export async function* notificationsOf(userId: string) {
  for await (const rows of batches((c) =>
    db.notification.findMany({
      where: { userId },
      ...keyset(c),
      select: { id: true, kind: true, title: true, body: true, url: true, readAt: true, createdAt: true },
    }),
  )) {
    yield rows;
  }
}
