import crypto from "node:crypto";
import { createAccount } from "../account/helpers";
import { withDb } from "../db";

/**
 * Rows the reader-side comment specs own. Their articles are copies of a seeded one published in
 * 2001, so no list's first page and no other spec's article changes; a new id is rendered on its
 * first request, after the rows below exist.
 */
export type SpecArticle = { id: string; publicId: string; path: string };

export function createSpecArticle(opts: { closed?: boolean; title?: string } = {}): Promise<SpecArticle> {
  const id = `e2e-${crypto.randomBytes(6).toString("hex")}`;
  const publicId = `c${crypto.randomBytes(5).toString("hex")}`.slice(0, 10);
  return withDb(async (c) => {
    await c.query(
      `INSERT INTO articles (id, "publicId", title, lede, "bodyJson", "bodyHtml", "bodyText", status,
         "publishedAt", "authorId", "categoryId", "renderVersion", "commentsClosed", "updatedAt")
       SELECT $1, $2, $4, lede, "bodyJson", "bodyHtml", "bodyText", 'PUBLISHED',
         timestamp '2001-01-01' + random() * interval '300 days', "authorId", "categoryId", "renderVersion", $3, now()
       FROM articles WHERE status = 'PUBLISHED' AND "deletedAt" IS NULL ORDER BY "publishedAt" LIMIT 1`,
      [id, publicId, opts.closed ?? false, opts.title ?? `评论测试 ${publicId}`],
    );
    return { id, publicId, path: `/posts/${publicId}` };
  });
}

export type Reader = { id: string; email: string; password: string; displayName: string };

/**
 * A reader who may post without the proof of work (30 days old, one approved comment elsewhere):
 * these specs are about the reading side; the acceptance spec solves the proof.
 */
export async function createRegular(elsewhere: SpecArticle): Promise<Reader> {
  const { email, password } = await createAccount("READER");
  return withDb(async (c) => {
    const { rows } = await c.query<{ id: string; displayName: string }>(
      `SELECT u.id, p."displayName" FROM users u JOIN profiles p ON p."userId" = u.id WHERE u.email = $1`,
      [email],
    );
    const r = rows[0]!;
    await c.query(`UPDATE users SET "createdAt" = now() - interval '30 days' WHERE id = $1`, [r.id]);
    await c.query(
      `INSERT INTO comments (id, "articleId", "authorId", body, status, "createdAt", "updatedAt")
       VALUES ($1, $2, $3, '以前的评论', 'APPROVED', now() - interval '20 days', now())`,
      [`${r.id}-old`, elsewhere.id, r.id],
    );
    return { ...r, email, password };
  });
}

type NewComment = {
  authorId: string;
  body: string;
  parentId?: string;
  status?: "APPROVED" | "PENDING";
  /** minutes ago; distinct times keep the order unambiguous */
  ago?: number;
};

/** Inserts comments on `article` and raises commentCount by the approved ones, as the services keep it. */
export function insertComments(article: SpecArticle, rows: NewComment[]): Promise<string[]> {
  return withDb(async (c) => {
    const ids: string[] = [];
    await c.query("BEGIN");
    for (const r of rows) {
      const id = `e2e${crypto.randomBytes(8).toString("hex")}`;
      await c.query(
        `INSERT INTO comments (id, "articleId", "authorId", "parentId", body, status, "createdAt", "updatedAt")
         VALUES ($1, $2, $3, $4, $5, $6::"CommentStatus", now() - $7::int * interval '1 minute', now())`,
        [id, article.id, r.authorId, r.parentId ?? null, r.body, r.status ?? "APPROVED", r.ago ?? 0],
      );
      ids.push(id);
    }
    const approved = rows.filter((r) => (r.status ?? "APPROVED") === "APPROVED").length;
    await c.query(`UPDATE articles SET "commentCount" = "commentCount" + $2 WHERE id = $1`, [
      article.id,
      approved,
    ]);
    await c.query("COMMIT");
    return ids;
  });
}

export function commentRow(id: string) {
  return withDb(async (c) => {
    const { rows } = await c.query<{
      status: string;
      body: string;
      parentId: string | null;
      editedAt: Date | null;
    }>(`SELECT status, body, "parentId", "editedAt" FROM comments WHERE id = $1`, [id]);
    return rows[0];
  });
}

export function commentsOf(authorId: string, articleId: string) {
  return withDb(async (c) => {
    const { rows } = await c.query<{ id: string; status: string; body: string; parentId: string | null }>(
      `SELECT id, status, body, "parentId" FROM comments WHERE "authorId" = $1 AND "articleId" = $2 ORDER BY "createdAt"`,
      [authorId, articleId],
    );
    return rows;
  });
}

export function reportsOf(commentId: string) {
  return withDb(async (c) => {
    const { rows } = await c.query<{ reason: string; detail: string }>(
      `SELECT reason, detail FROM comment_reports WHERE "commentId" = $1`,
      [commentId],
    );
    return rows;
  });
}
