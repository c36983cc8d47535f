/**
 * SiteSetting keys the admin edits (站点设置). The public reader (lib/services/public/get-site-settings.ts)
 * shows them in the header, footer, <title>, feeds, metadata and under articles; site.name and
 * site.description are the seed's keys for the site name and tagline; security.requireStaffTotp is
 * read by sign-in and site.registrationClosed by registration, both uncached.
 */
export const SETTING_KEYS = {
  name: "site.name",
  tagline: "site.description",
  titleTemplate: "site.titleTemplate",
  logo: "site.logo",
  favicon: "site.favicon",
  footerText: "site.footerText",
  icp: "site.icp",
  copyright: "site.copyright",
  social: "site.social",
  tipQr: "site.tipQr",
  tipCaption: "site.tipCaption",
  registrationClosed: "site.registrationClosed",
  requireStaffTotp: "security.requireStaffTotp",
} as const;

export type SocialLink = { name: string; url: string };

/** An uploaded image a setting points at: the Media row's id and what a page needs to show it. */
export type SettingImage = { id: string; url: string; width: number; height: number; mime: string };

export type SiteSettingsForm = {
  name: string;
  tagline: string;
  /** "" = the default "%s · 站点名称" */
  titleTemplate: string;
  logo: SettingImage | null;
  favicon: SettingImage | null;
  footerText: string;
  icp: string;
  copyright: string;
  social: SocialLink[];
  tipQr: SettingImage | null;
  tipCaption: string;
  registrationClosed: boolean;
  requireStaffTotp: boolean;
};

/** The built-in name when the setting is missing (a fresh database before the seed). */
export const DEFAULT_SITE_NAME = "署名 Byline";

/** The default footer line; an empty 页脚文字 setting shows it. */
export const DEFAULT_FOOTER_TEXT = "文章版权归作者所有，编译稿版权归原作者所有，转载请注明出处。";
