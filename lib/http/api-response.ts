import { unstable_rethrow } from "next/navigation";
import { asAppError, statusOf, toActionError } from "@/lib/errors";
import { logger } from "@/lib/logger";

const noStore = { "Cache-Control": "private, no-store" };

/** JSON for a per-user API answer: never stored by a shared cache. */
export function jsonNoStore(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}) {
  return Response.json(body, { status: init.status ?? 200, headers: { ...noStore, ...init.headers } });
}

/**
 * AppError / ZodError → `{ error: { code, message, fieldErrors } }` with the matching status (a
 * database lock or timeout is a 409 or 503, lib/errors.ts); 429 and 503 carry Retry-After.
 * Anything else is logged, not echoed. Next.js' own control flow (notFound(), redirect(), the
 * build's "this route is dynamic" bail-out) is thrown on, never answered as a 500.
 */
export function jsonError(e: unknown) {
  unstable_rethrow(e);
  const status = statusOf(e);
  if (status === 500) logger.error({ err: e }, "api: unexpected error");
  const retryAfter = asAppError(e)?.retryAfterSeconds;
  return jsonNoStore(
    { error: toActionError(e) },
    { status, headers: retryAfter ? { "Retry-After": String(retryAfter) } : {} },
  );
}
