import crypto from "node:crypto";
import pg from "pg";

/** Ends a preview link now, found by its token's hash as the app stores it (lib/services/preview/token.ts). */
export async function expirePreviewLink(token: string) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const hash = crypto.createHash("sha256").update(token).digest("hex");
    const { rowCount } = await client.query(
      `UPDATE preview_links SET "expiresAt" = now() - interval '1 minute' WHERE "tokenHash" = $1`,
      [hash],
    );
    if (rowCount !== 1) throw new Error("no preview link with that token");
  } finally {
    await client.end();
  }
}
