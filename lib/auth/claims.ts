import { z } from "zod";
import type { Role, UserStatus } from "@/lib/generated/prisma/enums";
import { ROLES } from "@/lib/authz";

/**
 * What the session JWT carries, and how it stays honest. The token is re-checked against the
 * database at least every RECHECK_INTERVAL_MS: a suspended user, a role change or a bumped
 * sessionVersion (logout everywhere, password change) ends the session within a minute even
 * where only the token is read. Pure, so it is unit tested without Next.js or a database.
 */

export const RECHECK_INTERVAL_MS = 60_000;

const claimsSchema = z.object({
  userId: z.string().min(1),
  role: z.enum(ROLES),
  sessionVersion: z.number().int(),
  /** ms since epoch of the last database check */
  checkedAt: z.number(),
});
export type SessionClaims = z.infer<typeof claimsSchema>;

export type UserState = { role: Role; status: UserStatus; sessionVersion: number };
export type LoadUserState = (userId: string) => Promise<UserState | null>;

type JwtParams = {
  token: Record<string, unknown>;
  /** set only on sign-in: what the Credentials provider's authorize() returned */
  user?: { id?: string; role?: Role; sessionVersion?: number } | null;
  trigger?: "signIn" | "signUp" | "update";
};

/**
 * The jwt callback's logic: returns the next token, or null to end the session. Client input
 * (`update()` payloads, the callback's `session` argument) is deliberately not a parameter:
 * role, status and version only ever come from the database.
 */
export async function nextToken({ token, user, trigger }: JwtParams, loadState: LoadUserState, now = Date.now()): Promise<SessionClaims | null> {
  if (user) {
    const fresh = claimsSchema.safeParse({ userId: user.id, role: user.role, sessionVersion: user.sessionVersion, checkedAt: now });
    return fresh.success ? fresh.data : null;
  }
  const parsed = claimsSchema.safeParse(token);
  if (!parsed.success) return null;
  const claims = parsed.data;

  // a client-triggered update is answered with a database check, never with the client's data
  const isFresh = trigger !== "update" && claims.checkedAt <= now && now - claims.checkedAt < RECHECK_INTERVAL_MS;
  if (isFresh) return claims;

  const state = await loadState(claims.userId);
  if (!state || state.status !== "ACTIVE" || state.role !== claims.role || state.sessionVersion !== claims.sessionVersion) return null;
  return { ...claims, checkedAt: now };
}
