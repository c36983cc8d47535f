import { withDb } from "../db";

/** Database reads for the saving specs (conflicts, autosave): what the server really kept. */

/** Every title and body text in the article's history, oldest first, as one string per revision. */
export const revisionTexts = (articleId: string) =>
  withDb(async (c) => {
    const { rows } = await c.query<{ version: number; kind: string; text: string }>(
      `SELECT version, kind::text AS kind, title || ' ' || "bodyJson"::text AS text
       FROM article_revisions WHERE "articleId" = $1 ORDER BY version`,
      [articleId],
    );
    return rows;
  });

/** The live row's title and body text, and its version. */
export const liveArticle = (articleId: string) =>
  withDb(async (c) => {
    const { rows } = await c.query<{ title: string; bodyText: string; version: number; publicId: string }>(
      `SELECT title, "bodyText", version, "publicId" FROM articles WHERE id = $1`,
      [articleId],
    );
    if (!rows[0]) throw new Error(`no article ${articleId}`);
    return rows[0];
  });

/** Another writer's save, as far as versions go: the article's version moves on, the text stays. */
export const bumpVersion = (articleId: string) =>
  withDb((c) => c.query(`UPDATE articles SET version = version + 1 WHERE id = $1`, [articleId]));
