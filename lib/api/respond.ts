import "server-only";
import { createHash } from "node:crypto";
import { connection } from "next/server";
import { jsonForScript } from "@/lib/escape/json-script";
import { jsonError } from "@/lib/http/api-response";
import { clientIpOf } from "@/lib/security/client-ip";
import { secondsUntil, sharedLimiter, type WindowRule } from "@/lib/security/rate-limit";
import { rateLimitedError } from "@/lib/security/rate-limit-rules";

/**
 * Per client address, every Content API route together (304s included): far above an app or a
 * newsletter job polling a few lists, low enough that one address cannot walk the archive flat out.
 */
export const CONTENT_API_RATE = { limit: 120, windowMs: 60_000 } satisfies WindowRule;

const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Retry-After",
};
const CACHEABLE = { "Cache-Control": "public, max-age=60", ...CORS };

type RouteCtx = { params: Promise<Record<string, string | string[]>> };
type Handler = (req: Request, params: Record<string, string | string[]>) => Promise<unknown>;

/**
 * One Content API GET: the rate limit, then the handler's value as JSON with a strong ETag (a
 * hash of the exact bytes), `Cache-Control: public, max-age=60` and open CORS; a matching
 * If-None-Match gets a bodiless 304. Errors are lib/http/api-response.ts' JSON (no-store) with
 * CORS added, so a browser app can read the message too.
 */
export function contentRoute(handler: Handler) {
  return async (req: Request, ctx?: RouteCtx): Promise<Response> => {
    await connection();
    try {
      await countRequest(req.headers);
      const body = await handler(req, (await ctx?.params) ?? {});
      return cacheableJson(req, body);
    } catch (e) {
      const res = jsonError(e);
      for (const [name, value] of Object.entries(CORS)) res.headers.set(name, value);
      return res;
    }
  };
}

/** CORS preflight: only simple reads are offered, so nothing here needs the rate limiter. */
export function preflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS,
      Allow: "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": "If-None-Match",
      "Access-Control-Max-Age": "86400",
    },
  });
}

async function countRequest(headers: Headers): Promise<void> {
  // our HTTP server always sets the address; without it (a bare `next start`) all share one budget
  const ip = clientIpOf(headers) ?? "unknown";
  const limiter = sharedLimiter();
  const { points, resetAt } = await limiter.hit(`content-api:${ip}`, CONTENT_API_RATE);
  if (points > CONTENT_API_RATE.limit)
    throw rateLimitedError(secondsUntil(resetAt, limiter.now()), "请求太频繁了（每个地址每分钟 120 次）");
}

/**
 * Escaped like JSON in a script (lib/escape/json-script.ts): no raw "<", ">" or "&" in the bytes,
 * so article HTML inside a string can never be read as markup, even by a client that ignores
 * the content type. JSON.parse gives back exactly the same values.
 */
function cacheableJson(req: Request, body: unknown): Response {
  const json = jsonForScript(body);
  const etag = `"${createHash("sha256").update(json).digest("base64url")}"`;
  if (matchesEtag(req.headers.get("if-none-match"), etag))
    return new Response(null, { status: 304, headers: { ETag: etag, ...CACHEABLE } });
  return new Response(json, {
    status: 200,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "X-Content-Type-Options": "nosniff",
      ETag: etag,
      ...CACHEABLE,
    },
  });
}

/** If-None-Match uses the weak comparison (RFC 9110 13.1.2): a W/ prefix does not matter. */
export function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}
