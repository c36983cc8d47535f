import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { db } from "@/lib/db";
import { tags } from "@/lib/cache-tags";
import {
  DEFAULT_FOOTER_TEXT,
  DEFAULT_SITE_NAME,
  SETTING_KEYS,
  type SettingImage,
  type SocialLink,
} from "../settings/keys";
import { parseSettings } from "../settings/parse-settings";
import { config } from "./cache-profile";

type Image = Omit<SettingImage, "id">;

export type SiteSettings = {
  name: string;
  tagline: string;
  /** always with exactly one %s */
  titleTemplate: string;
  logo: Image | null;
  favicon: Image | null;
  footerText: string;
  icp: string;
  copyright: string;
  social: SocialLink[];
  /** 赞赏 QR code under articles, with its caption */
  tip: (Image & { caption: string }) | null;
  /** for the register and login pages' wording; registration itself re-reads it uncached */
  registrationClosed: boolean;
  specialTag: string;
};

const KEYS = [...Object.values(SETTING_KEYS), "site.specialTag"];

const shown = (i: SettingImage | null): Image | null =>
  i && { url: i.url, width: i.width, height: i.height, mime: i.mime };

/**
 * 站点设置 as every public page shows them (header, footer, <title>, feeds, metadata, the tip QR),
 * with defaults filled in. Cached under tags.settings(): a save invalidates it, and with it every
 * cached page that read it (the in-process page cache listens to the same tag).
 */
export async function getSiteSettings(): Promise<SiteSettings> {
  "use cache";
  cacheTag(tags.settings());
  cacheLife(config);
  const rows = await db.siteSetting.findMany({
    where: { key: { in: KEYS } },
    select: { key: true, value: true },
  });
  const byKey = new Map(rows.map((r) => [r.key, r.value as unknown]));
  const s = parseSettings(byKey);
  const name = s.name || DEFAULT_SITE_NAME;
  const special = byKey.get("site.specialTag");
  const tip = shown(s.tipQr);
  return {
    name,
    tagline: s.tagline,
    titleTemplate: s.titleTemplate || `%s · ${name}`,
    logo: shown(s.logo),
    favicon: shown(s.favicon),
    footerText: s.footerText || DEFAULT_FOOTER_TEXT,
    icp: s.icp,
    copyright: s.copyright || `© ${new Date().getUTCFullYear()} ${name}`,
    social: s.social,
    tip: tip && { ...tip, caption: s.tipCaption },
    registrationClosed: s.registrationClosed,
    specialTag: typeof special === "string" ? special.trim().slice(0, 300) : "",
  };
}
