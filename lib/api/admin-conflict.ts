import "server-only";
import { AppError } from "@/lib/errors";
import { jsonNoStore } from "@/lib/http/api-response";
import { currentVersionOf } from "@/lib/services/api/admin-articles";

/**
 * Runs a versioned write; a stale `version` (the services' CONFLICT: nothing was written) becomes
 * a 409 that also names the article's version now, so a script can re-read and merge.
 */
export async function withCurrentVersion<T>(
  articleId: string,
  write: () => Promise<T>,
): Promise<T | Response> {
  try {
    return await write();
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== "CONFLICT") throw e;
    const currentVersion = await currentVersionOf(articleId);
    return jsonNoStore({ error: { code: "CONFLICT", message: e.message, currentVersion } }, { status: 409 });
  }
}
