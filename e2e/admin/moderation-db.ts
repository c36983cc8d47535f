import crypto from "node:crypto";
import { withDb } from "../db";

const rowId = () => `e2e-${crypto.randomBytes(6).toString("hex")}`;

/** A comment of a spec's own on the newest published article; APPROVED ones count on the article. */
export function insertComment(authorId: string, body: string, status: "PENDING" | "APPROVED") {
  return withDb(async (c) => {
    const { rows } = await c.query<{ id: string; publicId: string }>(
      `SELECT id, "publicId" FROM articles WHERE status = 'PUBLISHED' AND "publishedAt" <= now()
       ORDER BY "publishedAt" DESC LIMIT 1`,
    );
    const article = rows[0]!;
    const id = rowId();
    await c.query(
      `INSERT INTO comments (id, "articleId", "authorId", body, status, "heldBy", "updatedAt")
       VALUES ($1, $2, $3, $4, $5::"CommentStatus", $6, now())`,
      [id, article.id, authorId, body, status, status === "PENDING" ? "premoderation" : null],
    );
    if (status === "APPROVED")
      await c.query(`UPDATE articles SET "commentCount" = "commentCount" + 1 WHERE id = $1`, [article.id]);
    return { id, articleId: article.id, publicId: article.publicId };
  });
}

export function insertReport(commentId: string, reporterId: string, reason: string, detail = "") {
  return withDb((c) =>
    c.query(
      `INSERT INTO comment_reports (id, "commentId", "reporterId", reason, detail) VALUES ($1, $2, $3, $4, $5)`,
      [rowId(), commentId, reporterId, reason, detail],
    ),
  );
}

export function commentRow(id: string) {
  return withDb(async (c) => {
    const { rows } = await c.query<{
      status: string;
      openReports: number;
      articleCount: number;
      approved: number;
    }>(
      `SELECT c.status,
         (SELECT count(*)::int FROM comment_reports r WHERE r."commentId" = c.id AND r."resolvedAt" IS NULL)
           AS "openReports",
         a."commentCount" AS "articleCount",
         (SELECT count(*)::int FROM comments x WHERE x."articleId" = a.id AND x.status = 'APPROVED') AS approved
       FROM comments c JOIN articles a ON a.id = c."articleId" WHERE c.id = $1`,
      [id],
    );
    return rows[0]!;
  });
}

export function bansOf(userId: string) {
  return withDb(async (c) => {
    const { rows } = await c.query<{ reason: string; expiresAt: Date | null; liftedAt: Date | null }>(
      `SELECT reason, "expiresAt", "liftedAt" FROM comment_bans WHERE "userId" = $1 ORDER BY "createdAt"`,
      [userId],
    );
    return rows;
  });
}

const SETTING_KEYS = ["comments.enabled", "comments.moderationMode", "comments.blockedWords"];

export function commentSettingRows() {
  return withDb(async (c) => {
    const { rows } = await c.query<{ key: string; value: unknown }>(
      `SELECT key, value FROM site_settings WHERE key = ANY($1)`,
      [SETTING_KEYS],
    );
    return rows;
  });
}

/** Puts the comment settings back exactly as they were (rows absent before are removed again). */
export function restoreCommentSettings(rows: { key: string; value: unknown }[]) {
  return withDb(async (c) => {
    await c.query(`DELETE FROM site_settings WHERE key = ANY($1)`, [SETTING_KEYS]);
    for (const r of rows)
      await c.query(`INSERT INTO site_settings (key, value, "updatedAt") VALUES ($1, $2::jsonb, now())`, [
        r.key,
        JSON.stringify(r.value),
      ]);
  });
}

export function articleCommentsClosed(id: string) {
  return withDb(async (c) => {
    const { rows } = await c.query<{ commentsClosed: boolean }>(
      `SELECT "commentsClosed" FROM articles WHERE id = $1`,
      [id],
    );
    return rows[0]!.commentsClosed;
  });
}
