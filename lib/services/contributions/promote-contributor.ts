import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { audit } from "@/lib/audit";

type Tx = Pick<Prisma.TransactionClient, "user" | "auditLog">;

/**
 * A reader whose contribution is published becomes a CONTRIBUTOR (they may then keep drafts).
 * Runs in the publishing transaction. Only READER moves: staff authors keep their role. The
 * role change ends the reader's current session at its next check (lib/auth/claims.ts compares
 * the role), so they sign in again with the new rights.
 */
export async function promoteContributor(tx: Tx, authorId: string, actorId: string | null) {
  const res = await tx.user.updateMany({
    where: { id: authorId, role: "READER" },
    data: { role: "CONTRIBUTOR", sessionVersion: { increment: 1 } },
  });
  if (res.count) {
    await audit(tx, {
      actorId,
      action: "user.promoteContributor",
      targetType: "user",
      targetId: authorId,
      meta: { from: "READER", to: "CONTRIBUTOR" },
    });
  }
}
