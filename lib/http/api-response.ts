import { statusOf, toActionError } from "@/lib/errors";
import { logger } from "@/lib/logger";

const noStore = { "Cache-Control": "private, no-store" };

/** JSON for a per-user API answer: never stored by a shared cache. */
export function jsonNoStore(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}) {
  return Response.json(body, { status: init.status ?? 200, headers: { ...noStore, ...init.headers } });
}

/** AppError / ZodError → `{ error: { code, message, fieldErrors } }` with the matching status; anything else is logged, not echoed. */
export function jsonError(e: unknown) {
  const status = statusOf(e);
  if (status === 500) logger.error({ err: e }, "api: unexpected error");
  return jsonNoStore({ error: toActionError(e) }, { status });
}

