import crypto from "node:crypto";
import { withDb } from "../db";

/**
 * A reader of this spec's own. Suspending the seeded demo reader would end the session that
 * e2e/.auth/reader.json holds for every other spec running in parallel, so specs that suspend
 * make their own reader. It never signs in, so its password hash is a placeholder.
 */
export function createReader(displayName: string) {
  const id = `e2e-${crypto.randomBytes(6).toString("hex")}`;
  return withDb(async (c) => {
    await c.query(
      `INSERT INTO users (id, email, "passwordHash", "updatedAt") VALUES ($1, $2, 'not-a-hash', now())`,
      [id, `${id}@e2e.test`],
    );
    await c.query(
      `INSERT INTO profiles ("userId", "publicId", "displayName", "updatedAt") VALUES ($1, $2, $3, now())`,
      [id, id.slice(-12), displayName],
    );
    return { id, email: `${id}@e2e.test` };
  });
}

/** Comments of a spec's own, in a given moderation state, on the newest published article. */
export function insertComments(authorId: string, bodies: string[], status: "PENDING" | "REJECTED") {
  return withDb(async (c) => {
    const { rows } = await c.query<{ id: string }>(
      `SELECT id FROM articles WHERE status = 'PUBLISHED' ORDER BY "publishedAt" DESC LIMIT 1`,
    );
    const ids: string[] = [];
    for (const body of bodies) {
      const id = `e2e-${crypto.randomBytes(6).toString("hex")}`;
      await c.query(
        `INSERT INTO comments (id, "articleId", "authorId", body, status, "moderatedAt", "updatedAt")
         VALUES ($1, $2, $3, $4, $5::"CommentStatus", $6, now())`,
        [id, rows[0]!.id, authorId, body, status, status === "PENDING" ? null : new Date()],
      );
      ids.push(id);
    }
    return ids;
  });
}

export function commentStatuses(ids: string[]) {
  return withDb(async (c) => {
    const { rows } = await c.query<{ status: string }>(
      `SELECT status FROM comments WHERE id = ANY($1) ORDER BY status`,
      [ids],
    );
    return rows.map((r) => r.status);
  });
}
