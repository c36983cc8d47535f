import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { collectIocItems } from "@/lib/ioc/collect";
import type { IocExportInput } from "@/lib/ioc/export/input";
import { PUBLIC_ID_PATTERN } from "@/lib/public-id";
import { absoluteUrl, siteUrl } from "@/lib/site-url";
import { lists } from "@/lib/services/public/cache-profile";
import { getSiteSettings } from "@/lib/services/public/get-site-settings";

/**
 * The indicators of a published article, for the IOC exports (CSV, STIX, MISP). The same
 * visibility rule as the article page (get-public-article.ts): published and not dated in the
 * future; anything else answers like an unknown id. Cached under the article's tag, so an edit
 * or unpublishing that invalidates the page invalidates the export too.
 */
export async function getArticleIocs(publicId: string): Promise<IocExportInput | null> {
  "use cache";
  cacheLife(lists);
  if (!PUBLIC_ID_PATTERN.test(publicId)) return null;
  const a = await db.article.findFirst({
    where: { publicId, status: "PUBLISHED", publishedAt: { lte: new Date() } },
    select: {
      id: true,
      publicId: true,
      title: true,
      lede: true,
      bodyJson: true,
      publishedAt: true,
      updatedAt: true,
    },
  });
  if (!a || !a.publishedAt) {
    cacheTag(tags.articles());
    return null;
  }
  cacheTag(tags.article(a.id));
  const site = await getSiteSettings();
  return {
    site: { name: site.name, url: siteUrl() },
    article: {
      publicId: a.publicId,
      title: a.title,
      lede: a.lede,
      url: absoluteUrl(`/posts/${a.publicId}`),
      publishedAt: a.publishedAt,
      updatedAt: a.updatedAt,
    },
    items: collectIocItems(a.bodyJson),
  };
}
