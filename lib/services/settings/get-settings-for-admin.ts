import "server-only";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { SETTING_KEYS, type SiteSettingsForm } from "./keys";
import { parseSettings } from "./parse-settings";

/** 站点设置 as the form shows them: stored values, or empty where a key is missing or malformed. */
export async function getSettingsForAdmin(actor: Actor | null): Promise<SiteSettingsForm> {
  assertCan(actor, "settings.manage");
  const rows = await db.siteSetting.findMany({ where: { key: { in: Object.values(SETTING_KEYS) } } });
  return parseSettings(new Map(rows.map((r) => [r.key, r.value as unknown])));
}
