import "server-only";
import { z } from "zod";
import { audit } from "@/lib/audit";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { rowIdSchema } from "@/lib/public-id";

export const revokeTokenSchema = z.strictObject({ id: rowIdSchema("令牌编号无效。") });

/**
 * 撤销 (admins): refused from the next request on (every request reads the row). The integration
 * user is suspended too, so nothing acting as it survives the token.
 */
export async function revokeApiToken(actor: Actor | null, input: unknown): Promise<void> {
  assertCan(actor, "integration.manage");
  const { id } = revokeTokenSchema.parse(input);
  await db.$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id }, select: { userId: true, name: true } });
    if (!token) throw new AppError("NOT_FOUND", "找不到这个令牌。");
    const changed = await tx.apiToken.updateMany({
      where: { id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (changed.count === 0) return; // already revoked: nothing to record twice
    await tx.user.update({
      where: { id: token.userId },
      data: { status: "SUSPENDED", statusReason: "API 令牌已撤销", sessionVersion: { increment: 1 } },
    });
    await audit(tx, {
      actorId: actor!.id,
      action: "token.revoke",
      targetType: "api_token",
      targetId: id,
      meta: { name: token.name },
    });
  });
}
