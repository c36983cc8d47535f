import "server-only";
import { audit } from "@/lib/audit";
import { assertCan, type Actor } from "@/lib/authz";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { invalidatePublic } from "../articles/side-effects";
import { NAV_KEYS, updateNavigationSchema, type Navigation } from "./schemas";

/** JSON with object keys sorted: jsonb stores keys in its own order, so plain JSON.stringify differs. */
const canonical = (v: unknown): string =>
  JSON.stringify(v ?? null, (_k, x: unknown) =>
    x && typeof x === "object" && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );

/**
 * 保存导航菜单: both lists are written in one transaction, each only when it changed, with one
 * navigation.update audit row holding old → new per key. Every public page's header follows on
 * its next load (settings tag).
 */
export async function updateNavigation(actor: Actor | null, input: unknown): Promise<Navigation> {
  assertCan(actor, "settings.manage");
  const next = updateNavigationSchema.parse(input);
  const changed = await db.$transaction(async (tx) => {
    const rows = await tx.siteSetting.findMany({ where: { key: { in: Object.values(NAV_KEYS) } } });
    const old = new Map(rows.map((r) => [r.key, r.value as unknown]));
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const field of ["guide", "header"] as const) {
      const key = NAV_KEYS[field];
      const value = next[field] as unknown as Prisma.InputJsonValue;
      if (canonical(old.get(key)) === canonical(value)) continue;
      await tx.siteSetting.upsert({ where: { key }, update: { value }, create: { key, value } });
      changes[key] = { from: old.get(key) ?? null, to: value };
    }
    if (Object.keys(changes).length) {
      await audit(tx, {
        actorId: actor.id,
        action: "navigation.update",
        targetType: "navigation",
        meta: changes as Prisma.InputJsonValue,
      });
    }
    return Object.keys(changes).length > 0;
  });
  if (changed) invalidatePublic([tags.settings()]);
  return next;
}
