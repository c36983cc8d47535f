import { comments } from "../../prisma/seed/data/comments";
import { demoArticles } from "../../prisma/seed/data/articles";
import { publicIdFor } from "../../prisma/seed/lib/images";
import { createAccount } from "../account/helpers";
import { withDb } from "../db";

/**
 * Preconditions for the comment acceptance spec, straight in the e2e database. Only what a person
 * cannot do in a test's minutes goes through here (ageing an account, a history of approved
 * comments, the site's moderation mode); every step the issue describes goes through the UI.
 */

/**
 * A published demo article no other spec comments on and no seeded comment sits under, so this
 * flow's threads are the only ones it shows. Picked by shape, not by a hard-coded seed key.
 */
export function quietArticle() {
  const commented = new Set(comments.map((c) => c.article));
  const a = [...demoArticles]
    .reverse()
    .find((x) => x.status === "PUBLISHED" && !x.source && !commented.has(x.key));
  if (!a) throw new Error("the demo seed has no published original without comments");
  return { key: a.key, title: a.title, path: `/posts/${publicIdFor(a.key)}` };
}

export type Account = { id: string; email: string; password: string; displayName: string };

/** A reader made now (createdAt = now: a new account to every rule), who signs in with a password. */
export async function newReader(): Promise<Account> {
  const { email, password } = await createAccount("READER");
  return withDb(async (c) => {
    const { rows } = await c.query<{ id: string; displayName: string }>(
      `SELECT u.id, p."displayName" FROM users u JOIN profiles p ON p."userId" = u.id WHERE u.email = $1`,
      [email],
    );
    return { ...rows[0]!, email, password };
  });
}

/**
 * A reader the "trusted" mode publishes at once: an account 30 days old with three approved
 * comments and none rejected (lib/comments/rules.ts). The approved comments go on `articleKey`
 * with its commentCount raised in the same transaction, as the write services keep it.
 */
export async function trustedReader(articleKey: string): Promise<Account> {
  const reader = await newReader();
  await withDb(async (c) => {
    await c.query("BEGIN");
    await c.query(`UPDATE users SET "createdAt" = now() - interval '30 days' WHERE id = $1`, [reader.id]);
    await c.query(`UPDATE profiles SET "createdAt" = now() - interval '30 days' WHERE "userId" = $1`, [
      reader.id,
    ]);
    const { rows } = await c.query<{ id: string }>(`SELECT id FROM articles WHERE "publicId" = $1`, [
      publicIdFor(articleKey),
    ]);
    for (let i = 1; i <= 3; i++) {
      await c.query(
        `INSERT INTO comments (id, "articleId", "authorId", body, status, "moderatedAt", "createdAt", "updatedAt")
         VALUES ($1, $2, $3, $4, 'APPROVED', now() - interval '20 days', now() - interval '20 days', now())`,
        [`${reader.id}-h${i}`, rows[0]!.id, reader.id, `老读者的第 ${i} 条评论（${reader.displayName}）`],
      );
    }
    await c.query(`UPDATE articles SET "commentCount" = "commentCount" + 3 WHERE id = $1`, [rows[0]!.id]);
    await c.query("COMMIT");
  });
  return reader;
}

const MODE_KEY = "comments.moderationMode";

/** Sets the site's moderation mode and returns a function that puts the previous value back. */
export async function setModerationMode(mode: "premoderate" | "trusted"): Promise<() => Promise<void>> {
  const previous = await withDb(async (c) => {
    const { rows } = await c.query<{ value: unknown }>(`SELECT value FROM site_settings WHERE key = $1`, [
      MODE_KEY,
    ]);
    await c.query(
      `INSERT INTO site_settings (key, value, "updatedAt") VALUES ($1, $2::jsonb, now())
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, "updatedAt" = now()`,
      [MODE_KEY, JSON.stringify(mode)],
    );
    return rows[0];
  });
  return () =>
    withDb(async (c) => {
      if (previous) {
        await c.query(`UPDATE site_settings SET value = $2::jsonb, "updatedAt" = now() WHERE key = $1`, [
          MODE_KEY,
          JSON.stringify(previous.value),
        ]);
      } else {
        await c.query(`DELETE FROM site_settings WHERE key = $1`, [MODE_KEY]);
      }
    });
}

export type StoredComment = {
  id: string;
  status: string;
  body: string;
  parentId: string | null;
  heldBy: string | null;
  editedAt: Date | null;
};

/** What the server stored for the comments of `authorId` whose text contains `marker`. */
export function commentsBy(authorId: string, marker: string) {
  return withDb(async (c) => {
    const { rows } = await c.query<StoredComment>(
      `SELECT id, status, body, "parentId", "heldBy", "editedAt" FROM comments
       WHERE "authorId" = $1 AND body LIKE '%' || $2 || '%' ORDER BY "createdAt"`,
      [authorId, marker],
    );
    return rows;
  });
}
