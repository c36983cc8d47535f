import { z } from "zod";
import { safeText } from "@/lib/validation";

/** SiteSetting keys of the two editable menus (JSON arrays of NavItem). */
export const NAV_KEYS = { guide: "nav.guide", header: "nav.header" } as const;

/** Bounded so the header stays usable on a phone and a crafted row cannot bloat every page. */
export const MAX_NAV_ITEMS = 12;

const SITE_PATH = /^\/(?![/\\])[^\s\\]*$/;
const httpUrl = z.url({ protocol: /^https?$/ });
const URL_MESSAGE = "请填写以 / 开头的站内路径，或 http(s):// 开头的网址。";

/**
 * A site path ("/feed", "/#hot") or an absolute http(s) URL. "//host" and "/\host" are refused:
 * browsers read both as another site. Any other scheme (javascript:, data:…) is refused.
 */
const href = z
  .string({ error: URL_MESSAGE })
  .trim()
  .min(1, URL_MESSAGE)
  .max(500, "网址最多 500 个字符。")
  .refine(
    (s) => SITE_PATH.test(s) || (/^https?:\/\/[^\s]+$/i.test(s) && httpUrl.safeParse(s).success),
    URL_MESSAGE,
  );

const navItemSchema = z.strictObject({
  label: safeText(20, { min: 1 }),
  href,
  /** the 导读 menu's second line; header links ignore it */
  description: safeText(60).default(""),
  newTab: z.boolean().default(false),
  /** header links only: beside 首页 on the left ("start") or by the search box ("end") */
  placement: z.enum(["start", "end"]).default("start"),
});

const navList = z.array(navItemSchema).max(MAX_NAV_ITEMS, `最多 ${MAX_NAV_ITEMS} 项。`);

export const updateNavigationSchema = z.strictObject({ guide: navList, header: navList });

export type NavItem = z.output<typeof navItemSchema>;
export type Navigation = { guide: NavItem[]; header: NavItem[] };

/** A stored list read back: the same strict schema, so a hand-edited bad row is never rendered. */
export function parseStoredList(value: unknown): NavItem[] | null {
  const parsed = navList.safeParse(value);
  return parsed.success ? parsed.data : null;
}
