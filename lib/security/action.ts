import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { ZodError, type z } from "zod";
import type { Action } from "@/lib/authz";
import { toActionError, type ActionResult } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { admit, type ActorFor, type AuthMode } from "./admit";
import { withRequestContext } from "./request-context";
import { assertStrictInput, formToObject } from "./strict-input";

/**
 * The one wrapper for server actions. Every action is a public POST endpoint whatever page
 * imports it, so, in this order and before any work: the Origin must be our configured origin
 * (CSRF), the session is re-read from the database (suspension, role change and sign-out
 * everywhere apply at once), the role must hold the permission at all, and the input must parse
 * with a strict schema. The handler then runs with the request's IP and user agent available
 * to audit() (services write audit rows in the same transaction as the change). Expected
 * failures come back as values (ActionResult); redirect() and notFound() pass through.
 */

type ActionContext<A extends AuthMode> = { actor: ActorFor<A>; ip: string | null; userAgent: string | null };

export type SecureActionOptions<S extends z.ZodType, A extends AuthMode> = {
  /** for logs and the request context: "article.publish", "account.changePassword" */
  name: string;
  input: S;
  /** "user": signed-in only (UNAUTHENTICATED otherwise); "optional": the handler decides */
  auth: A;
  /** coarse gate: the actor's role must hold some grant for it (see lib/authz.ts) */
  permission?: Action;
};

/**
 * The handler gets the input exactly as sent, once the schema has accepted it: services parse it
 * again themselves (they are called from elsewhere too), and parsing an already-transformed value
 * a second time would fail (a date string turned Date, "" turned null).
 */
type Handler<S extends z.ZodType, A extends AuthMode, T> = (
  input: z.input<S>,
  ctx: ActionContext<A>,
) => Promise<T>;

async function execute<S extends z.ZodType, A extends AuthMode, T>(
  opts: SecureActionOptions<S, A>,
  handler: Handler<S, A, T>,
  raw: unknown,
): Promise<ActionResult<T>> {
  try {
    const h = await headers();
    // every action is a POST that may change something: the Origin is always checked
    const { actor, ip } = await admit({ ...opts, mutating: true }, h);
    opts.input.parse(raw); // refuses with field errors; the handler gets `raw` (see Handler)
    const input = raw as z.input<S>;
    const userAgent = h.get("user-agent");
    const data = await withRequestContext({ action: opts.name, ip, userAgent }, () =>
      handler(input, { actor, ip, userAgent }),
    );
    return { ok: true, data };
  } catch (e) {
    unstable_rethrow(e); // redirect(), notFound(): control flow, not failures
    const error = toActionError(e);
    if (error.code === "INTERNAL") logger.error({ err: e, action: opts.name }, "action failed");
    // field names only, never values: enough to see a form and its schema drifting apart
    else if (e instanceof ZodError) {
      const kind = (v: unknown) =>
        typeof v === "string"
          ? `string(${v.length})`
          : Array.isArray(v)
            ? `array(${v.length})`
            : v === null
              ? "null"
              : typeof v;
      const received =
        raw && typeof raw === "object"
          ? Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, kind(v)]))
          : kind(raw);
      logger.info(
        { action: opts.name, invalid: Object.keys(error.fieldErrors ?? {}), received },
        "action input refused",
      );
    }
    return { ok: false, error };
  }
}

/** An action called with one argument (JSON-like input from a client component). */
export function secureAction<S extends z.ZodType, A extends AuthMode, T>(
  opts: SecureActionOptions<S, A>,
  handler: Handler<S, A, T>,
) {
  assertStrictInput(opts.name, opts.input);
  return (raw: unknown): Promise<ActionResult<T>> => execute(opts, handler, raw);
}

/** An action for `useActionState(action, …)` on a <form>: its FormData becomes the input object. */
export function secureFormAction<S extends z.ZodType, A extends AuthMode, T>(
  opts: SecureActionOptions<S, A>,
  handler: Handler<S, A, T>,
) {
  assertStrictInput(opts.name, opts.input);
  return (_prev: unknown, form: FormData): Promise<ActionResult<T>> =>
    execute(opts, handler, formToObject(form));
}
