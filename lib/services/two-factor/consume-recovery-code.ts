import "server-only";
import { looksLikeRecoveryCode, matchesRecoveryCode } from "@/lib/auth/crypto/recovery-codes";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit";

/**
 * Uses up one recovery code. The conditional update (usedAt still null) makes it single-use
 * even when two sign-ins race with the same code.
 */
export async function consumeRecoveryCode(userId: string, raw: string, now = new Date()): Promise<boolean> {
  if (!looksLikeRecoveryCode(raw)) return false;
  const unused = await db.recoveryCode.findMany({
    where: { userId, usedAt: null },
    select: { id: true, salt: true, codeHash: true },
  });
  const hit = unused.find((c) => matchesRecoveryCode(raw, c));
  if (!hit) return false;
  return db.$transaction(async (tx) => {
    const { count } = await tx.recoveryCode.updateMany({
      where: { id: hit.id, usedAt: null },
      data: { usedAt: now },
    });
    if (count !== 1) return false;
    await audit(tx, {
      actorId: userId,
      action: "auth.twoFactor.recoveryCodeUsed",
      targetType: "user",
      targetId: userId,
      meta: { left: unused.length - 1 },
    });
    return true;
  });
}
