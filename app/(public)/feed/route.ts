import { renderRss } from "@/lib/feed/rss";
import { rssResponse } from "@/lib/feed/rss-response";
import { SITE_DESCRIPTION, SITE_NAME } from "@/lib/seo/page-metadata";
import { getSiteSettings } from "@/lib/services/public/get-site-settings";
import { listFeedItems } from "@/lib/services/public/list-feed-items";

/** /feed: the whole site, RSS 2.0 with full text. Two statements on a cache miss. */
export async function GET() {
  const [items, settings] = await Promise.all([listFeedItems(), getSiteSettings()]);
  return rssResponse(
    renderRss(
      {
        title: SITE_NAME,
        description: SITE_DESCRIPTION,
        path: "/",
        feedPath: "/feed",
        copyright: settings.copyright,
      },
      items,
    ),
  );
}
