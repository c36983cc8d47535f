/**
 * SiteSetting keys the admin edits. The public chrome reads site.icp, site.copyright and
 * site.social (lib/services/public/get-site-settings.ts); site.name and site.description are the
 * seed's keys for the site name and tagline; security.requireStaffTotp is read by sign-in.
 */
export const SETTING_KEYS = {
  name: "site.name",
  tagline: "site.description",
  icp: "site.icp",
  copyright: "site.copyright",
  social: "site.social",
  requireStaffTotp: "security.requireStaffTotp",
} as const;

export type SocialLink = { name: string; url: string };

export type SiteSettingsForm = {
  name: string;
  tagline: string;
  icp: string;
  copyright: string;
  social: SocialLink[];
  requireStaffTotp: boolean;
};
