import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE } from "@/lib/auth/cookie-names";
import { loginPathFor } from "@/lib/auth/safe-next-path";

/**
 * Sends visitors without a session cookie from the staff areas to the login page. It only looks
 * at whether the cookie exists (no decryption, no database): a convenience that saves rendering
 * a page just to redirect. It is never the check: every page, action and service behind it
 * verifies the session and the role itself (lib/auth/session.ts, lib/authz.ts).
 */

export function proxy(request: NextRequest) {
  const hasSession = request.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name) && c.value !== "");
  if (hasSession) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  return NextResponse.redirect(new URL(loginPathFor(`${pathname}${search}`), request.url));
}

export const config = {
  matcher: ["/editor/:path*", "/admin/:path*"],
};
