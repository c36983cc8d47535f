import "server-only";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { defaultNavigation, SPECIAL_TAG_KEY, specialHrefFor } from "./defaults";
import { NAV_KEYS, parseStoredList, type Navigation } from "./schemas";

export type AdminNavigation = Navigation & { isDefault: { guide: boolean; header: boolean } };

/** 导航菜单 as the editor shows it: the stored lists, or the defaults the public site shows instead. */
export async function getNavigationForAdmin(actor: Actor | null): Promise<AdminNavigation> {
  assertCan(actor, "settings.manage");
  const rows = await db.siteSetting.findMany({
    where: { key: { in: [NAV_KEYS.guide, NAV_KEYS.header, SPECIAL_TAG_KEY] } },
  });
  const by = new Map(rows.map((r) => [r.key, r.value as unknown]));
  const special = by.get(SPECIAL_TAG_KEY);
  const defaults = defaultNavigation(specialHrefFor(typeof special === "string" ? special.trim() : ""));
  const guide = parseStoredList(by.get(NAV_KEYS.guide));
  const header = parseStoredList(by.get(NAV_KEYS.header));
  return {
    guide: guide ?? defaults.guide,
    header: header ?? defaults.header,
    isDefault: { guide: !guide, header: !header },
  };
}
