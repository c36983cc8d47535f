import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { auth } from "./index";
import { loginPathFor } from "./safe-next-path";

export type { Actor };

/** The signed-in user as the header shows them (/api/me). */
export type CurrentUserSummary = Pick<Actor, "displayName" | "publicId" | "role"> & { avatarUrl: string | null };

type SessionUser = { actor: Actor; avatarUrl: string | null };

/**
 * One database read per request (React `cache`). Besides the jwt callback's once-a-minute
 * check, this compares status and sessionVersion on every request that needs an actor, so a
 * suspension or "log out everywhere" takes effect at once for everything that acts.
 */
const loadSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const claims = session?.user;
  if (!claims?.id) return null;
  const user = await db.user.findUnique({
    where: { id: claims.id },
    select: { id: true, role: true, status: true, sessionVersion: true, profile: { select: { displayName: true, publicId: true, avatarUrl: true } } },
  });
  if (!user?.profile || user.status !== "ACTIVE" || user.sessionVersion !== claims.sessionVersion) return null;
  const { displayName, publicId, avatarUrl } = user.profile;
  return { actor: { id: user.id, role: user.role, status: user.status, displayName, publicId }, avatarUrl };
});

export async function getCurrentUser(): Promise<Actor | null> {
  return (await loadSessionUser())?.actor ?? null;
}

export async function getCurrentUserSummary(): Promise<CurrentUserSummary | null> {
  const u = await loadSessionUser();
  if (!u) return null;
  return { displayName: u.actor.displayName, publicId: u.actor.publicId, role: u.actor.role, avatarUrl: u.avatarUrl };
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
  const actor = await getCurrentUser();
  if (!actor) redirect(loginPathFor(nextPath));
  return actor;
}
