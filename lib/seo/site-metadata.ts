import type { Metadata } from "next";
import { plainLine } from "@/lib/escape/plain-text";

type SiteFacts = {
  name: string;
  tagline: string;
  /** with exactly one %s */
  titleTemplate: string;
  favicon: { url: string; mime: string } | null;
};

/**
 * The root layout's metadata from 站点设置: the <title> template every page's title goes through,
 * the home page's default title, the site description pages without their own inherit, Open Graph
 * siteName for pages that set no Open Graph of their own, and the uploaded favicon. Settings are
 * admin text: each becomes one clean line (React escapes it into the tags).
 */
export function siteMetadata(s: SiteFacts): Metadata {
  const name = plainLine(s.name, 64);
  const tagline = plainLine(s.tagline, 120);
  const template = plainLine(s.titleTemplate, 80);
  return {
    title: {
      default: tagline ? `${name} · ${tagline}` : name,
      template: template.split("%s").length === 2 ? template : `%s · ${name}`,
    },
    description: tagline ? `${name}：${tagline}` : name,
    openGraph: { siteName: name, locale: "zh_CN", type: "website" },
    icons: s.favicon ? { icon: [{ url: s.favicon.url, type: s.favicon.mime }] } : undefined,
  };
}
