import "server-only";
import { z } from "zod";
import type { Action } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { jsonError, jsonNoStore } from "@/lib/http/api-response";
import { admit, type ActorFor, type AuthMode } from "./admit";
import { withRequestContext } from "./request-context";
import { assertStrictInput } from "./strict-input";

/**
 * The route-handler twin of lib/security/action.ts. The same admission (./admit.ts: Origin for
 * mutating methods, session, permission), then strict route params and, for
 * "json" bodies, a strict body schema. The handler returns a Response or a value sent as
 * uncacheable JSON; AppError and ZodError become their 4xx answers, anything else a logged 500
 * without internals.
 */

type RouteCtx = { params: Promise<Record<string, string | string[]>> };

export type RouteContext<A extends AuthMode, P> = {
  req: Request;
  actor: ActorFor<A>;
  params: P;
  ip: string | null;
  userAgent: string | null;
};

export type SecureRouteOptions<
  A extends AuthMode,
  B extends z.ZodType | undefined,
  P extends z.ZodType | undefined,
> = {
  name: string;
  auth: A;
  permission?: Action;
  /** strict schema for a JSON body; omit for no body (or when the handler reads multipart itself) */
  body?: B;
  params?: P;
};

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const MAX_JSON_BYTES = 64 * 1024;

async function readJson(req: Request): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!type.includes("application/json")) throw new AppError("INVALID", "请求格式应为 JSON。");
  const text = await req.text();
  if (text.length > MAX_JSON_BYTES) throw new AppError("INVALID", "请求内容过大。");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("INVALID", "请求内容不是有效的 JSON。");
  }
}

export function secureRoute<
  A extends AuthMode,
  B extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
  T = unknown,
>(
  opts: SecureRouteOptions<A, B, P>,
  handler: (input: Out<B>, ctx: RouteContext<A, Out<P>>) => Promise<Response | T>,
) {
  if (opts.body) assertStrictInput(opts.name, opts.body);
  if (opts.params) assertStrictInput(`${opts.name} params`, opts.params);

  return async (req: Request, routeCtx?: RouteCtx): Promise<Response> => {
    try {
      // GET and HEAD handlers here only ever read: only the other methods need our Origin
      const { actor, ip } = await admit({ ...opts, mutating: MUTATING.has(req.method) }, req.headers);
      const params = (opts.params ? opts.params.parse(await routeCtx?.params) : undefined) as Out<P>;
      const input = (opts.body ? opts.body.parse(await readJson(req)) : undefined) as Out<B>;
      const userAgent = req.headers.get("user-agent");
      const result = await withRequestContext({ action: opts.name, ip, userAgent }, () =>
        handler(input, { req, actor, params, ip, userAgent }),
      );
      return result instanceof Response ? result : jsonNoStore(result);
    } catch (e) {
      return jsonError(e);
    }
  };
}

/** A route param schema: `z.strictObject({ publicId: publicIdParam })`. */
export const idParam = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "无效的编号");
