import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { jsonError, jsonNoStore } from "@/lib/http/api-response";
import { authenticateToken, type TokenPrincipal } from "@/lib/services/api-tokens/authenticate-token";
import { SCOPE_LABELS, type TokenScope } from "@/lib/services/api-tokens/scopes";
import { clientIpOf } from "@/lib/security/client-ip";
import { secondsUntil, sharedLimiter } from "@/lib/security/rate-limit";
import { rateLimitedError } from "@/lib/security/rate-limit-rules";
import { withRequestContext } from "@/lib/security/request-context";
import { assertStrictInput } from "@/lib/security/strict-input";
import { readJsonBody } from "./admin-body";
import { parseBody } from "./body-error";
import { ADMIN_API_RATE } from "./admin-limits";

type RouteCtx = { params: Promise<Record<string, string | string[]>> };
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export type AdminRouteContext<P> = {
  req: Request;
  principal: TokenPrincipal;
  params: P;
};

type AdminRouteOptions<B extends z.ZodType | undefined, P extends z.ZodType | undefined> = {
  /** for logs and the audit context: "api.article.update" */
  name: string;
  scope: TokenScope;
  /** strict schema of a JSON body; omit for none (or a handler that reads multipart itself) */
  body?: B;
  params?: P;
  /** a handler's own status for a value answer (201 for creations) */
  status?: number;
};

/**
 * One Admin API route (issue 17, docs/api.md). In order: the bearer token (401 when missing,
 * unknown, revoked or expired), the per-token rate limit (429), the route's scope (403, before any
 * input is read: a token that may not act learns nothing from field errors), strict params and
 * body, then the handler inside a request context, so audit rows carry the caller's address.
 * The handler calls the same services as the UI with the token's integration user as the actor:
 * lib/authz.ts decides as for any editor. No cookies are read and nothing here trusts Origin:
 * a bearer token is not sent by browsers on their own, so there is no CSRF to guard against.
 */
export function adminRoute<
  B extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
  T = unknown,
>(
  opts: AdminRouteOptions<B, P>,
  handler: (input: Out<B>, ctx: AdminRouteContext<Out<P>>) => Promise<Response | T>,
) {
  if (opts.body) assertStrictInput(opts.name, opts.body);
  if (opts.params) assertStrictInput(`${opts.name} params`, opts.params);

  return async (req: Request, routeCtx?: RouteCtx): Promise<Response> => {
    try {
      const ip = clientIpOf(req.headers);
      const principal = await authenticateToken(req.headers.get("authorization"), ip);
      await countRequest(principal.tokenId);
      if (!principal.scopes.has(opts.scope))
        throw new AppError(
          "FORBIDDEN",
          `这个令牌没有“${SCOPE_LABELS[opts.scope]}”（${opts.scope}）权限范围。`,
        );
      const params = (opts.params ? parseBody(opts.params, await routeCtx?.params) : undefined) as Out<P>;
      const input = (opts.body ? parseBody(opts.body, await readJsonBody(req)) : undefined) as Out<B>;
      const userAgent = req.headers.get("user-agent");
      const result = await withRequestContext({ action: opts.name, ip, userAgent }, () =>
        handler(input, { req, principal, params }),
      );
      return result instanceof Response ? result : jsonNoStore(result, { status: opts.status ?? 200 });
    } catch (e) {
      const res = jsonError(e);
      if (res.status === 401) res.headers.set("WWW-Authenticate", 'Bearer realm="byline"');
      return res;
    }
  };
}

async function countRequest(tokenId: string): Promise<void> {
  const limiter = sharedLimiter();
  const { points, resetAt } = await limiter.hit(`admin-api:${tokenId}`, ADMIN_API_RATE);
  if (points > ADMIN_API_RATE.limit)
    throw rateLimitedError(
      secondsUntil(resetAt, limiter.now()),
      `请求太频繁了（每个令牌每分钟 ${ADMIN_API_RATE.limit} 次）`,
    );
}
