import "server-only";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { SETTING_KEYS, type SiteSettingsForm, type SocialLink } from "./keys";

const str = (v: unknown) => (typeof v === "string" ? v : "");

function social(v: unknown): SocialLink[] {
  if (Array.isArray(v)) {
    return v.flatMap((s: { name?: unknown; label?: unknown; url?: unknown; href?: unknown }) => {
      const name = str(s?.name) || str(s?.label);
      const url = str(s?.url) || str(s?.href);
      return name && url ? [{ name, url }] : [];
    });
  }
  // the public reader also accepts { 微博: "https://…" }
  if (v && typeof v === "object")
    return Object.entries(v).flatMap(([name, url]) => (typeof url === "string" ? [{ name, url }] : []));
  return [];
}

/** 站点设置 as the form shows them: stored values, or empty where a key is missing or malformed. */
export async function getSettingsForAdmin(actor: Actor | null): Promise<SiteSettingsForm> {
  assertCan(actor, "settings.manage");
  const rows = await db.siteSetting.findMany({ where: { key: { in: Object.values(SETTING_KEYS) } } });
  const by = new Map(rows.map((r) => [r.key, r.value as unknown]));
  return {
    name: str(by.get(SETTING_KEYS.name)),
    tagline: str(by.get(SETTING_KEYS.tagline)),
    icp: str(by.get(SETTING_KEYS.icp)),
    copyright: str(by.get(SETTING_KEYS.copyright)),
    social: social(by.get(SETTING_KEYS.social)),
    requireStaffTotp: by.get(SETTING_KEYS.requireStaffTotp) === true,
  };
}
