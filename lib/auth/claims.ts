import { z } from "zod";
import type { Role, UserStatus } from "@/lib/generated/prisma/enums";
import { ROLES } from "@/lib/authz";

/**
 * What the session JWT carries, and how it stays honest. The token is re-checked against the
 * database at least every RECHECK_INTERVAL_MS: a suspended user, a role change or a bumped
 * sessionVersion (logout everywhere, password change) ends the session within a minute even
 * where only the token is read. Staff sessions also end 12 hours after sign-in and after 30
 * minutes without activity (ASVS 3.3). Pure, so it is unit tested without Next.js or a database.
 */

export const RECHECK_INTERVAL_MS = 60_000;
export const READER_MAX_AGE_MS = 30 * 24 * 60 * 60_000;
export const STAFF_ABSOLUTE_MS = 12 * 60 * 60_000;
export const STAFF_IDLE_MS = 30 * 60_000;

/** CONTRIBUTOR is a reader whose contribution was accepted: reader lifetimes. */
const STAFF_ROLES: ReadonlySet<Role> = new Set<Role>(["TRANSLATOR", "EDITOR", "ADMIN"]);
const isStaffRole = (role: Role) => STAFF_ROLES.has(role);

const claimsSchema = z.object({
  userId: z.string().min(1),
  role: z.enum(ROLES),
  sessionVersion: z.number().int(),
  /** ms since epoch of the last database check */
  checkedAt: z.number(),
  /** ms since epoch of the sign-in: the absolute limit counts from here */
  issuedAt: z.number(),
  /** ms since epoch of the last request that read the session: the idle limit counts from here */
  lastSeenAt: z.number(),
});
export type SessionClaims = z.infer<typeof claimsSchema>;

/** The claims of a decoded token, or null when it is not one of ours. */
export function parseClaims(token: unknown): SessionClaims | null {
  const parsed = claimsSchema.safeParse(token);
  return parsed.success ? parsed.data : null;
}

export type UserState = { role: Role; status: UserStatus; sessionVersion: number };
export type LoadUserState = (userId: string) => Promise<UserState | null>;

type JwtParams = {
  token: Record<string, unknown>;
  /** set only on sign-in: what the Credentials provider's authorize() returned */
  user?: { id?: string; role?: Role; sessionVersion?: number } | null;
  trigger?: "signIn" | "signUp" | "update";
};

/**
 * Whether a session with these claims has outlived its role's limits at `now`. A token stamped
 * in the future (clock skew or forgery) counts as expired: we minted every real one ourselves.
 */
export function isExpired(
  claims: Pick<SessionClaims, "role" | "issuedAt" | "lastSeenAt">,
  now: number,
): boolean {
  if (claims.issuedAt > now || claims.lastSeenAt > now || claims.lastSeenAt < claims.issuedAt) return true;
  if (!isStaffRole(claims.role)) return now - claims.issuedAt >= READER_MAX_AGE_MS;
  return now - claims.issuedAt >= STAFF_ABSOLUTE_MS || now - claims.lastSeenAt >= STAFF_IDLE_MS;
}

/**
 * The jwt callback's logic: returns the next token, or null to end the session. Auth.js runs
 * it on every auth() call (each page, action and /api/me request), so lastSeenAt follows real
 * activity. Client input (`update()` payloads, the callback's `session` argument) is
 * deliberately not a parameter: role, status and version only ever come from the database.
 */
export async function nextToken(
  { token, user, trigger }: JwtParams,
  loadState: LoadUserState,
  now = Date.now(),
): Promise<SessionClaims | null> {
  if (user) {
    const fresh = claimsSchema.safeParse({
      userId: user.id,
      role: user.role,
      sessionVersion: user.sessionVersion,
      checkedAt: now,
      issuedAt: now,
      lastSeenAt: now,
    });
    return fresh.success ? fresh.data : null;
  }
  const parsed = claimsSchema.safeParse(token);
  if (!parsed.success) return null;
  const claims = parsed.data;
  if (isExpired(claims, now)) return null;

  // a client-triggered update is answered with a database check, never with the client's data
  const isFresh =
    trigger !== "update" && claims.checkedAt <= now && now - claims.checkedAt < RECHECK_INTERVAL_MS;
  if (isFresh) return { ...claims, lastSeenAt: now };

  const state = await loadState(claims.userId);
  // A role change (a reader promoted to editor) ends the session here: the next sign-in starts
  // under the new role's limits. Role changes bump sessionVersion too, so this is belt and braces.
  if (
    !state ||
    state.status !== "ACTIVE" ||
    state.role !== claims.role ||
    state.sessionVersion !== claims.sessionVersion
  )
    return null;
  return { ...claims, checkedAt: now, lastSeenAt: now };
}
