import "server-only";
import type { NextAuthConfig } from "next-auth";
import { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { authenticateUser } from "@/lib/services/accounts/authenticate-user";
import { endSession } from "@/lib/services/accounts/end-session";
import { checkSignInFactor } from "@/lib/services/two-factor/check-sign-in-factor";
import { nextToken, READER_MAX_AGE_MS } from "./claims";
import { authCookies } from "./cookie-names";
import { LoginRefused } from "./login-refusal";
import { safeNextPath } from "./safe-next-path";
import { loadUserState } from "./session-state";

// The cookie lives as long as the longest session (a reader's); staff tokens carry their own,
// shorter limits in the claims (lib/auth/claims.ts), checked on every read.
const SESSION_MAX_AGE_S = READER_MAX_AGE_MS / 1000;

/**
 * Built lazily (lib/auth/index.ts passes a function to NextAuth) so `next build` can import
 * the auth module without AUTH_SECRET or DATABASE_URL in its environment.
 */
export function buildAuthConfig(): NextAuthConfig {
  const e = env();
  const site = e.SITE_URL.replace(/\/+$/, "");
  // Every URL Auth.js builds (its redirects after sign-out and on errors, its own endpoints)
  // starts from AUTH_URL. Without it Auth.js takes the request's URL, which behind our HTTP
  // server is the bind address: a reader signing out landed on http://0.0.0.0:3000/. SITE_URL
  // is the one public-origin setting, so AUTH_URL is derived from it (next-auth reads it from
  // process.env on each request, after this function has run).
  process.env.AUTH_URL = `${site}/api/auth`;
  return {
    secret: e.AUTH_SECRET,
    // Auth.js builds its own URLs from the Host / X-Forwarded-Host headers when it trusts the
    // host. That is safe in development and tests (localhost, random ports), and in production
    // once the operator sets SITE_URL, which declares the deploy sits behind a proxy that sets
    // Host to the public origin. A production process without SITE_URL refuses instead of
    // trusting whatever Host a client sends. Our own redirects never use these URLs anyway:
    // actions redirect to safeNextPath() results only.
    trustHost: e.NODE_ENV !== "production" || Boolean(process.env.SITE_URL),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    // __Host- names, Secure, HttpOnly, SameSite=Lax, Path=/, no Domain (lib/auth/cookie-names.ts)
    cookies: authCookies(e.SITE_URL),
    pages: { signIn: "/login", error: "/login" },
    providers: [
      Credentials({
        credentials: { email: {}, password: {}, otp: {} },
        async authorize(credentials) {
          // every refusal is one LoginRefused, read back by the login action (lib/auth/login-refusal.ts)
          const result = await authenticateUser(credentials);
          if (!result.ok) throw new LoginRefused(result);
          // only after a correct password: asking for a code reveals nothing to a guesser
          const factor = await checkSignInFactor(result.user.id, credentials.otp);
          if (factor !== "ok") throw new LoginRefused({ reason: `otp_${factor}` });
          return { id: result.user.id, role: result.user.role, sessionVersion: result.user.sessionVersion };
        },
      }),
    ],
    events: {
      // server-side revocation: a copy of the cookie stops working too (end-session.ts)
      async signOut(message) {
        if ("token" in message) await endSession(message.token);
      },
    },
    callbacks: {
      // only paths on this site, made absolute with SITE_URL, never with the request's host
      redirect({ url }) {
        const path = url.startsWith(`${site}/`) ? url.slice(site.length) : url;
        return `${site}${safeNextPath(path)}`;
      },
      async jwt({ token, user, trigger }) {
        const claims = await nextToken({ token, user, trigger }, loadUserState);
        // no name/email/picture in the cookie: the token carries ids, never personal data
        return claims ? { sub: claims.userId, ...claims } : null;
      },
      session({ session, token }) {
        const { userId, role, sessionVersion } = token as {
          userId: string;
          role: typeof session.user.role;
          sessionVersion: number;
        };
        return { expires: session.expires, user: { id: userId, role, sessionVersion } };
      },
    },
    logger: {
      // a failed login is routine, not a server error with a stack trace
      error(error) {
        if (error instanceof CredentialsSignin) logger.info({ code: error.code }, "sign-in refused");
        else logger.error({ err: error }, "auth error");
      },
      warn(code) {
        logger.warn({ code }, "auth warning");
      },
    },
  };
}
