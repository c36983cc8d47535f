import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE } from "@/lib/auth/cookie-names";
import { loginPathFor } from "@/lib/auth/safe-next-path";
import { mayOpenStaffPath } from "@/lib/auth/staff-paths";
import { tokenRole } from "@/lib/auth/token-role";
import { clientIpOf } from "@/lib/security/client-ip";
import { normaliseCveId } from "@/lib/cve/id";
import { baselineSecurityPolicy, contentSecurityPolicy, newNonce } from "@/lib/security/headers";
import { PREVIEW_PAGE, previewLinkIsLive } from "@/lib/services/preview/preview-gate";
import { cvePageExists } from "@/lib/services/cve/cve-page-exists";
import { findRedirect } from "@/lib/services/redirects/find-redirect";

/**
 * Runs before every page and route handler:
 * 1. a fresh CSP nonce per request: Next.js reads it from the request's Content-Security-Policy
 *    header and puts it on the scripts it emits; the browser gets the same policy;
 * 2. visitors without a session cookie are sent from the staff areas to the login page. It only
 *    looks at whether the cookie exists (no decryption, no database): a convenience that saves
 *    rendering a page just to redirect, never the check. Every page, action and service behind
 *    it verifies the session and the role itself (lib/auth/session.ts, lib/authz.ts);
 * 3. a signed-in role that may not open a staff page (a reader on /admin, a translator on
 *    /editor/review) gets the site's 404 page with a 404 status. The pages would refuse too, but
 *    they render behind a streamed shell, whose status is already 200 by the time they decide.
 *    The role comes from the decrypted cookie (lib/auth/token-role.ts), so it only ever turns
 *    a page into a 404, never lets anyone in.
 * 5. an old tag or category URL (its slug changed, the tag was merged) answers 301 with the new one
 *    (lib/services/redirects). Next.js' permanentRedirect() answers 308; the issue asks for 301.
 * 6. a CVE page asked for in another spelling (lower case, full-width) answers 308 with the
 *    canonical id, and a path that is no CVE id, or one without a page, gets the 404 page
 *    (lib/services/cve/cve-page-exists.ts): the page itself renders behind
 *    a streamed shell, where a redirect is a 200 with a meta refresh and notFound() a 200 too.
 * 7. /category|tag|member|cve/<x>?before=… is rewritten to that page's `older` route (see below).
 */

const STAFF_AREA = /^\/(editor|admin)(\/|$)/;

/** The list pages whose first page is cached whole: their ?before= pages are the `older` route. */
const PAGED_LIST = /^\/(category|tag|member|cve)\/[^/]+$/;
const OLDER_ROUTE = /^\/(category|tag|member|cve)\/[^/]+\/older$/;

// no route lives here, so Next.js renders app/not-found.tsx with status 404
const NOT_FOUND_PATH = "/_byline/not-found";

/**
 * /cve/<id>: the canonical path when it is spelt otherwise, NOT_FOUND when it is no CVE id at
 * all or one the site knows nothing about, null when it has a page (or is not a CVE page).
 */
async function checkCvePath(pathname: string): Promise<string | null> {
  const m = /^\/cve\/([^/]+)$/.exec(pathname);
  if (!m) return null;
  let id: string | null;
  try {
    id = normaliseCveId(decodeURIComponent(m[1]!));
  } catch {
    id = null;
  }
  if (!id) return NOT_FOUND_PATH;
  if (id !== m[1]) return `/cve/${id}`;
  return (await cvePageExists(id)) ? null : NOT_FOUND_PATH;
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isRead = request.method === "GET" || request.method === "HEAD";
  // only /tag/<x> and /category/<x>[/…] reach the database (one primary-key lookup); other paths a regex
  const moved = isRead ? await findRedirect(pathname, search) : null;
  if (moved) {
    const response = NextResponse.redirect(new URL(moved, request.url), 301);
    // browsers keep a 301 without a lifetime for good; a slug changed back would then loop for them
    response.headers.set("cache-control", "public, max-age=600");
    return response;
  }
  const cve = isRead ? await checkCvePath(pathname) : null;
  if (cve && cve !== NOT_FOUND_PATH)
    return NextResponse.redirect(new URL(`${cve}${search}`, request.url), 308);
  let notFound = cve === NOT_FOUND_PATH;
  if (STAFF_AREA.test(pathname)) {
    const hasSession = request.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name) && c.value !== "");
    if (!hasSession) return NextResponse.redirect(new URL(loginPathFor(`${pathname}${search}`), request.url));
    const role = await tokenRole(
      request.cookies,
      process.env.SITE_URL || "http://localhost:3000",
      process.env.AUTH_SECRET,
    );
    // page views only: a server action POST answers for itself (FORBIDDEN as a value), and Next.js
    // forwards an action called through another page to a staff page that holds it, a request
    // a 404 here would break (the caller got 409 instead of the action's refusal)
    const isPageView = request.method === "GET" || request.method === "HEAD";
    notFound = isPageView && role !== null && !mayOpenStaffPath(role, pathname);
  }
  // 4. a dead preview link (unknown, expired, revoked) is a real 404 too (lib/services/preview)
  const preview = PREVIEW_PAGE.exec(pathname);
  if (preview && (request.method === "GET" || request.method === "HEAD"))
    notFound = !(await previewLinkIsLive(preview[1]!, clientIpOf(request.headers)));
  // 7. a category, tag, member or CVE page past the first (?before=) renders on the `older` route, which
  //    reads the cursor; the first page reads no searchParams and is cached whole. The route's own
  //    path is not a page of the site.
  if (OLDER_ROUTE.test(pathname)) notFound = true;
  const older =
    isRead && PAGED_LIST.test(pathname) && request.nextUrl.searchParams.has("before")
      ? new URL(`${pathname}/older${search}`, request.url)
      : null;
  const pass = (init?: Parameters<typeof NextResponse.next>[0]) =>
    notFound
      ? NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url), { ...init, status: 404 })
      : older
        ? NextResponse.rewrite(older, init)
        : NextResponse.next(init);

  const https = (process.env.SITE_URL ?? "").startsWith("https:");
  if (process.env.BYLINE_CSP_NONCE === "0") {
    // the escape hatch: the baseline policy without nonces (lib/security/headers.ts)
    const response = pass();
    response.headers.set("content-security-policy", baselineSecurityPolicy({ https }));
    return response;
  }
  // Behind our HTTP server (server/http-server.mjs) Next.js only ever sees the secret render
  // placeholder, in the request and the response policy alike: cached and revalidated HTML is
  // rendered with it, and the server swaps in a fresh nonce per response (body and header).
  // Without that server (`next dev`), one fresh nonce per request.
  const nonce = request.headers.get("x-byline-render-nonce") || newNonce();
  const csp = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === "development", https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  const response = pass({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // pages and route handlers; not build assets, uploaded media or the icons, nor the upload
  // route: for a request it runs on, Next.js buffers the whole body in memory first (to clone it
  // for the proxy), and uploads are streamed to disk instead (app/api/media/route.ts, and the
  // site archive import, app/api/admin/transfer/import/route.ts)
  matcher: [
    { source: "/((?!_next/static|_next/image|media/|api/media$|api/admin/transfer/import$|favicon.ico).*)" },
  ],
};
