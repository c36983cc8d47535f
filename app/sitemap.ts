import type { MetadataRoute } from "next";
import { listSitemapEntries } from "@/lib/services/public/list-sitemap-entries";
import { escapeXmlText } from "@/lib/escape/xml";
import { absoluteUrl } from "@/lib/site-url";
import { footerPages } from "@/components/site/footer-pages";

const pathOf = {
  article: "/posts/",
  category: "/category/",
  tag: "/tag/",
  member: "/member/",
  cve: "/cve/",
} as const;

// Next.js writes each url into <loc> verbatim, unescaped (resolve-route-data.js), so it is
// escaped here; the keys are percent-encoded, which leaves SITE_URL and future paths.
const loc = (path: string) => escapeXmlText(absoluteUrl(path));

/** /sitemap.xml: every public article and the category, tag and member pages with content. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const entries = await listSitemapEntries();
  const newest = entries.find((e) => e.kind === "article")?.lastModified ?? undefined;
  return [
    { url: loc("/"), lastModified: newest, changeFrequency: "hourly", priority: 1 },
    { url: loc("/latest"), lastModified: newest, changeFrequency: "hourly", priority: 0.5 },
    { url: loc("/cve"), changeFrequency: "daily", priority: 0.4 },
    { url: loc("/corrections"), changeFrequency: "daily", priority: 0.3 },
    ...entries.map((e) => ({
      url: loc(pathOf[e.kind] + encodeURIComponent(e.key)),
      lastModified: e.lastModified ?? undefined,
      changeFrequency: e.kind === "article" ? ("monthly" as const) : ("daily" as const),
      priority: e.kind === "article" ? 0.8 : e.kind === "category" ? 0.7 : 0.5,
    })),
    ...footerPages.map((p) => ({
      url: loc(`/page/${encodeURIComponent(p.slug)}`),
      changeFrequency: "yearly" as const,
      priority: 0.2,
    })),
  ];
}
