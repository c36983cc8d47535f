import "server-only";
import { cookies } from "next/headers";
import { decode, encode } from "next-auth/jwt";
import { env } from "@/lib/env";
import { isExpired, parseClaims, READER_MAX_AGE_MS } from "./claims";
import { authCookies } from "./cookie-names";
import { loadUserState } from "./session-state";

const MAX_AGE_S = READER_MAX_AGE_MS / 1000;

/**
 * After a credential change the user made themselves (2FA on or off, new recovery codes), the
 * service has bumped sessionVersion, which ends every session of the user, including the one
 * that made the change. This re-issues that one browser's cookie under the new version, so only
 * the other sessions end.
 *
 * Only inside the action that made the change, and only when the version moved by exactly one
 * since this cookie's: if someone else bumped it meanwhile (an admin's forced sign-out, a
 * sign-out elsewhere) the cookie is left to expire. Auth.js' own update() is deliberately not
 * used: it can be triggered by any holder of a cookie (POST /api/auth/session), so a copy taken
 * before the change could adopt the new version too. Sign-in time, role and limits carry over.
 */
export async function renewSession(userId: string): Promise<boolean> {
  const e = env();
  const secret = e.AUTH_SECRET ?? "";
  const { sessionToken } = authCookies(e.SITE_URL);
  const jar = await cookies();
  const raw = jar.get(sessionToken.name)?.value;
  if (!raw || !secret) return false;
  const claims = parseClaims(await decode({ token: raw, secret, salt: sessionToken.name }).catch(() => null));
  const now = Date.now();
  if (!claims || claims.userId !== userId || isExpired(claims, now)) return false;

  const state = await loadUserState(userId);
  if (
    !state ||
    state.status !== "ACTIVE" ||
    state.role !== claims.role ||
    state.sessionVersion !== claims.sessionVersion + 1
  )
    return false;

  const token = {
    sub: userId,
    ...claims,
    sessionVersion: state.sessionVersion,
    checkedAt: now,
    lastSeenAt: now,
  };
  const value = await encode({ token, secret, salt: sessionToken.name, maxAge: MAX_AGE_S });
  jar.set(sessionToken.name, value, { ...sessionToken.options, expires: new Date(now + MAX_AGE_S * 1000) });
  return true;
}
