import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { defaultNavigation, SPECIAL_TAG_KEY, specialHrefFor } from "@/lib/services/navigation/defaults";
import { NAV_KEYS, parseStoredList, type Navigation } from "@/lib/services/navigation/schemas";
import { config } from "./cache-profile";

/**
 * The 导读 menu and the header links. Tagged with the settings tag, which the navigation editor
 * invalidates, so a change shows on the next load. 专题 defaults to the special tag (site.specialTag). Each list is checked with the write schema:
 * a missing or malformed row falls back to its default (today's menu), never half a list.
 */
export async function getNavigation(): Promise<Navigation> {
  "use cache";
  cacheTag(tags.settings());
  cacheLife(config);
  const rows = await db.siteSetting.findMany({
    where: { key: { in: [NAV_KEYS.guide, NAV_KEYS.header, SPECIAL_TAG_KEY] } },
    select: { key: true, value: true },
  });
  const byKey = new Map(rows.map((r) => [r.key, r.value as unknown]));
  const special = byKey.get(SPECIAL_TAG_KEY);
  const defaults = defaultNavigation(specialHrefFor(typeof special === "string" ? special.trim() : ""));
  return {
    guide: parseStoredList(byKey.get(NAV_KEYS.guide)) ?? defaults.guide,
    header: parseStoredList(byKey.get(NAV_KEYS.header)) ?? defaults.header,
  };
}
