import { z } from "zod";
import { isSafeText } from "@/lib/validation";
import { SETTING_KEYS, type SettingImage, type SiteSettingsForm, type SocialLink } from "./keys";

/**
 * Stored SiteSetting values → the settings shape, tolerantly: a missing or malformed row (an old
 * seed, a hand edit, an import) reads as empty rather than breaking every page. Writes are strict
 * (update-site-settings.ts); reads never throw.
 */

const text = z.string().max(300).refine(isSafeText);
const httpUrl = z.url({ protocol: /^https?$/ }).max(2048);
// accepted shapes: [{ name|label, url|href }] or { 微博: "https://…" }
const socialList = z.array(
  z.object({
    name: text.optional(),
    label: text.optional(),
    url: httpUrl.optional(),
    href: httpUrl.optional(),
  }),
);
const socialMap = z.record(z.string(), httpUrl);
// only our own uploads: a path under /media/, never another origin or a javascript: URL
const image = z.object({
  id: z.string().min(1).max(64),
  url: z
    .string()
    .regex(/^\/media\/[\w./-]+$/)
    .max(400)
    .refine((u) => !u.includes("..")),
  width: z.number().int().positive().max(20_000),
  height: z.number().int().positive().max(20_000),
  mime: z.string().max(100),
});

function social(value: unknown): SocialLink[] {
  const list = socialList.safeParse(value);
  if (list.success) {
    return list.data.flatMap((s) => {
      const name = (s.name || s.label)?.trim();
      const url = s.url ?? s.href;
      return name && url ? [{ name, url }] : [];
    });
  }
  const map = socialMap.safeParse(value);
  return map.success ? Object.entries(map.data).map(([name, url]) => ({ name, url })) : [];
}

const str = (v: unknown) => {
  const r = text.safeParse(v);
  return r.success ? r.data.trim() : "";
};

const img = (v: unknown): SettingImage | null => {
  const r = image.safeParse(v);
  return r.success ? r.data : null;
};

/** One read of the settings rows, keyed by SiteSetting.key. */
export function parseSettings(byKey: ReadonlyMap<string, unknown>): SiteSettingsForm {
  const get = (k: keyof typeof SETTING_KEYS) => byKey.get(SETTING_KEYS[k]);
  const template = str(get("titleTemplate"));
  return {
    name: str(get("name")),
    tagline: str(get("tagline")),
    // a stored template without exactly one %s would print a title without the page's own
    titleTemplate: template.split("%s").length === 2 ? template : "",
    logo: img(get("logo")),
    favicon: img(get("favicon")),
    footerText: str(get("footerText")),
    icp: str(get("icp")),
    copyright: str(get("copyright")),
    social: social(get("social")),
    tipQr: img(get("tipQr")),
    tipCaption: str(get("tipCaption")),
    registrationClosed: get("registrationClosed") === true,
    requireStaffTotp: get("requireStaffTotp") === true,
  };
}
