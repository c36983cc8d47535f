import { AppError } from "@/lib/errors";
import { siteUrl } from "@/lib/site-url";

/**
 * The CSRF wall for every mutation (server actions and route handlers, via lib/security/action.ts
 * and route.ts). Session cookies are SameSite=Lax already; this second wall does not depend on
 * the browser. The allowed origin comes from configuration (SITE_URL), never from the request:
 * Host and X-Forwarded-Host are client-controlled unless a proxy rewrites them.
 */

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

export const ORIGIN_REFUSED_MESSAGE = "请求来源无法确认，已拒绝。请从本站页面重新操作。";

/** The configured origin, plus its loopback twins outside production (localhost ↔ 127.0.0.1, same port). */
export function allowedOrigins(
  site = siteUrl(),
  production = process.env.NODE_ENV === "production",
): Set<string> {
  const url = new URL(site);
  const out = new Set([url.origin]);
  if (!production && LOOPBACK.has(url.hostname)) {
    for (const host of LOOPBACK) out.add(`${url.protocol}//${host}${url.port ? `:${url.port}` : ""}`);
  }
  return out;
}

/**
 * Why a mutating request must be refused, or null when it may proceed. A missing Origin is
 * refused: every browser sends one on POST, so its absence means a non-browser client or a
 * stripped header, and neither needs our cookies.
 */
export function originProblem(headers: Headers, allowed: Set<string> = allowedOrigins()): string | null {
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite === "cross-site" || fetchSite === "same-site") return "cross-site request";
  const origin = headers.get("origin");
  if (!origin) return "missing Origin";
  if (!allowed.has(origin)) return `foreign Origin ${origin.slice(0, 200)}`;
  return null;
}

export function assertSameOrigin(headers: Headers, allowed?: Set<string>): void {
  if (originProblem(headers, allowed)) throw new AppError("FORBIDDEN", ORIGIN_REFUSED_MESSAGE);
}
