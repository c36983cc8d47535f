import "server-only";
import { assertCan, type Actor } from "@/lib/authz";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { audit } from "@/lib/audit";
import { invalidatePublic } from "../articles/side-effects";
import { SETTING_KEYS, type SiteSettingsForm } from "./keys";
import { parseSettings } from "./parse-settings";
import { resolveSettingImage } from "./resolve-setting-image";
import { updateSiteSettingsSchema } from "./settings-schema";

/** JSON with object keys sorted: jsonb reorders keys, so plain JSON.stringify would see changes that are not. */
const canonical = (v: unknown): string =>
  JSON.stringify(v ?? null, (_k, x: unknown) =>
    x && typeof x === "object" && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );

/**
 * 保存站点设置: in one transaction, the chosen images are looked up (an unknown Media id is a 400
 * and nothing is written), each key that changed is upserted, and one audit row lists the changed
 * keys old → new. Then the public settings tag is invalidated: header, footer, titles, feeds and
 * the tip QR show the change on the next load, cached pages included.
 */
export async function updateSiteSettings(actor: Actor | null, input: unknown): Promise<SiteSettingsForm> {
  assertCan(actor, "settings.manage");
  const data = updateSiteSettingsSchema.parse(input);
  const result = await db.$transaction(async (tx) => {
    const rows = await tx.siteSetting.findMany({ where: { key: { in: Object.values(SETTING_KEYS) } } });
    const old = new Map(rows.map((r) => [r.key, r.value as unknown]));
    const current = parseSettings(old);
    const next: SiteSettingsForm = {
      name: data.name,
      tagline: data.tagline,
      titleTemplate: data.titleTemplate ?? current.titleTemplate,
      logo: await resolveSettingImage(tx, "logoMediaId", data.logoMediaId, current.logo),
      favicon: await resolveSettingImage(tx, "faviconMediaId", data.faviconMediaId, current.favicon),
      footerText: data.footerText ?? current.footerText,
      icp: data.icp,
      copyright: data.copyright,
      social: data.social,
      tipQr: await resolveSettingImage(tx, "tipQrMediaId", data.tipQrMediaId, current.tipQr),
      tipCaption: data.tipCaption ?? current.tipCaption,
      registrationClosed: data.registrationClosed,
      requireStaffTotp: data.requireStaffTotp,
    };
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [field, key] of Object.entries(SETTING_KEYS) as [keyof SiteSettingsForm, string][]) {
      const value = next[field] as Prisma.InputJsonValue | null;
      const before = old.get(key) ?? null;
      if (canonical(before) === canonical(value)) continue;
      // a removed image has no row: missing reads as "none" everywhere
      if (value === null) await tx.siteSetting.deleteMany({ where: { key } });
      else await tx.siteSetting.upsert({ where: { key }, update: { value }, create: { key, value } });
      changes[key] = { from: before, to: value };
    }
    if (Object.keys(changes).length) {
      await audit(tx, {
        actorId: actor.id,
        action: "settings.update",
        targetType: "settings",
        meta: changes as Prisma.InputJsonValue,
      });
    }
    return { next, changed: Object.keys(changes).length > 0 };
  });
  if (result.changed) invalidatePublic([tags.settings()]);
  return result.next;
}
