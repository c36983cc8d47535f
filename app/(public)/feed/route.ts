import { renderRss } from "@/lib/feed/rss";
import { rssResponse } from "@/lib/feed/rss-response";
import { getSiteSettings } from "@/lib/services/public/get-site-settings";
import { listFeedItems } from "@/lib/services/public/list-feed-items";

/** /feed: the whole site, RSS 2.0 with full text. Two statements on a cache miss. */
export async function GET() {
  const [items, settings] = await Promise.all([listFeedItems(), getSiteSettings()]);
  return rssResponse(
    renderRss(
      {
        // channel title and description from 站点设置 (the feed is cached under the settings tag too)
        title: settings.name,
        description: settings.tagline || settings.name,
        path: "/",
        feedPath: "/feed",
        copyright: settings.copyright,
      },
      items,
    ),
  );
}
