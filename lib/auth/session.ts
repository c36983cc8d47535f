import "server-only";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { auth } from "./index";
import { loginPathFor } from "./safe-next-path";
import { mustEnrolTotp, TWO_FACTOR_SETUP_PATH } from "./totp-policy";

export type { Actor };

/** The signed-in user as the header shows them (/api/me). */
export type CurrentUserSummary = Pick<Actor, "displayName" | "publicId" | "role"> & {
  avatarUrl: string | null;
};

/** `mustEnrolTotp`: an editor or admin who must set up 2FA first (site setting); see below. */
type SessionUser = { actor: Actor; avatarUrl: string | null; mustEnrolTotp: boolean };

/**
 * One database read per request (React `cache`). Besides the jwt callback's once-a-minute
 * check, this compares status and sessionVersion on every request that needs an actor, so a
 * suspension or "log out everywhere" takes effect at once for everything that acts.
 */
const loadSessionUser = cache(async (): Promise<SessionUser | null> => {
  // Request time only: Auth.js makes a CSRF token (crypto.getRandomValues) once it has the
  // headers, and in a prerender stage where headers resolve, that failed the render of every
  // signed-in page (/me/bookmarks in the e2e server log); connection() defers it to the request.
  await connection();
  const session = await auth();
  const claims = session?.user;
  if (!claims?.id) return null;
  const user = await db.user.findUnique({
    where: { id: claims.id },
    select: {
      id: true,
      role: true,
      status: true,
      sessionVersion: true,
      totpEnabledAt: true,
      profile: { select: { displayName: true, publicId: true, avatarUrl: true } },
    },
  });
  if (!user?.profile || user.status !== "ACTIVE" || user.sessionVersion !== claims.sessionVersion)
    return null;
  const { displayName, publicId, avatarUrl } = user.profile;
  // While the site requires 2FA of editors and admins, one without it acts as a reader: every
  // page, action, route and service that checks the policy refuses staff work, including code
  // written later, and their own account pages (the 2FA setup) keep working.
  const mustEnrol = await mustEnrolTotp(user);
  const role = mustEnrol ? "READER" : user.role;
  return {
    actor: { id: user.id, role, status: user.status, displayName, publicId },
    avatarUrl,
    mustEnrolTotp: mustEnrol,
  };
});

export async function getCurrentUser(): Promise<Actor | null> {
  return (await loadSessionUser())?.actor ?? null;
}

export async function getCurrentUserSummary(): Promise<CurrentUserSummary | null> {
  const u = await loadSessionUser();
  if (!u) return null;
  return {
    displayName: u.actor.displayName,
    publicId: u.actor.publicId,
    role: u.actor.role,
    avatarUrl: u.avatarUrl,
  };
}

/** For services and actions: throws AppError("UNAUTHENTICATED"). */
export async function requireUser(): Promise<Actor> {
  const actor = await getCurrentUser();
  if (!actor) throw new AppError("UNAUTHENTICATED");
  return actor;
}

/** For coarse gates (a whole admin area). Object-level checks still go through assertCan. */
export async function requireRole(...roles: Role[]): Promise<Actor> {
  const actor = await requireUser();
  if (!roles.includes(actor.role)) throw new AppError("FORBIDDEN");
  return actor;
}

/**
 * For pages: sends anonymous visitors to /login?next=<nextPath>. A server component cannot see
 * its own URL, so the page passes it (e.g. `requireUserOrRedirect("/editor/drafts")`).
 */
export async function requireUserOrRedirect(nextPath: string): Promise<Actor> {
  const u = await loadSessionUser();
  if (!u) redirect(loginPathFor(nextPath));
  if (u.mustEnrolTotp && nextPath !== TWO_FACTOR_SETUP_PATH) redirect(TWO_FACTOR_SETUP_PATH);
  return u.actor;
}

/** Whether the signed-in user is an editor or admin held back until they set up 2FA. */
export async function isTotpEnrolmentDue(): Promise<boolean> {
  return (await loadSessionUser())?.mustEnrolTotp ?? false;
}
