import "server-only";
import { z } from "zod";
import { audit } from "@/lib/audit";
import { assertCan, type Actor } from "@/lib/authz";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { invalidatePublic } from "../articles/side-effects";
import { NAV_KEYS } from "./schemas";

export const resetNavigationSchema = z.strictObject({});

/**
 * 恢复默认: removes the stored lists so the public header shows the built-in menus again. The
 * removed lists are kept in the audit row (navigation.reset), so an admin can retype them.
 */
export async function resetNavigation(actor: Actor | null, input: unknown): Promise<{ removed: number }> {
  assertCan(actor, "settings.manage");
  resetNavigationSchema.parse(input);
  const removed = await db.$transaction(async (tx) => {
    const rows = await tx.siteSetting.findMany({ where: { key: { in: Object.values(NAV_KEYS) } } });
    if (!rows.length) return 0;
    await tx.siteSetting.deleteMany({ where: { key: { in: rows.map((r) => r.key) } } });
    await audit(tx, {
      actorId: actor.id,
      action: "navigation.reset",
      targetType: "navigation",
      meta: Object.fromEntries(
        rows.map((r) => [r.key, { from: r.value, to: null }]),
      ) as Prisma.InputJsonValue,
    });
    return rows.length;
  });
  if (removed) invalidatePublic([tags.settings()]);
  return { removed };
}
