import crypto from "node:crypto";
import { withDb } from "../db";

/** Ends a preview link now, found by its token's hash as the app stores it (lib/services/preview/token.ts). */
export async function expirePreviewLink(token: string) {
  const hash = crypto.createHash("sha256").update(token).digest("hex");
  const { rowCount } = await withDb((c) =>
    c.query(`UPDATE preview_links SET "expiresAt" = now() - interval '1 minute' WHERE "tokenHash" = $1`, [
      hash,
    ]),
  );
  if (rowCount !== 1) throw new Error("no preview link with that token");
}
