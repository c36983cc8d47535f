import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit";

const signedOutToken = z.object({ userId: z.string().min(1).max(64), sessionVersion: z.number().int() });

/**
 * Signing out ends the session on the server, not only in the browser: the user's
 * sessionVersion is bumped, so a copy of the cookie taken before (a shared computer, a stolen
 * cookie) stops working on its next request. The version lives on the user, so this ends the
 * user's sessions on every device: Byline keeps no per-device session rows.
 *
 * Conditional on the token's version: a cookie that is already revoked (or forged with a
 * stale version) cannot be replayed to sign the user out elsewhere again and again.
 * Called by Auth.js' signOut event with the decoded token (lib/auth/config.ts).
 */
export async function endSession(token: unknown): Promise<boolean> {
  const parsed = signedOutToken.safeParse(token);
  if (!parsed.success) return false;
  const { userId, sessionVersion } = parsed.data;
  return db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: userId, sessionVersion },
      data: { sessionVersion: { increment: 1 } },
    });
    if (count === 1)
      await audit(tx, {
        actorId: userId,
        action: "auth.signOut",
        targetType: "user",
        targetId: userId,
        meta: { from: sessionVersion },
      });
    return count === 1;
  });
}
