import { renderRss } from "@/lib/feed/rss";
import { rssResponse } from "@/lib/feed/rss-response";
import { getSiteSettings } from "@/lib/services/public/get-site-settings";
import { listCategories } from "@/lib/services/public/list-categories";
import { listFeedItems } from "@/lib/services/public/list-feed-items";

export async function generateStaticParams() {
  const categories = await listCategories();
  return categories.length ? categories.map((c) => ({ slug: c.slug })) : [{ slug: "__none__" }];
}

/** /category/<slug>/feed: one category, RSS 2.0 with full text. Two statements on a cache miss. */
export async function GET(_req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const [categories, { name: site }] = await Promise.all([listCategories(), getSiteSettings()]);
  const category = categories.find((c) => c.slug === slug);
  if (!category)
    return new Response("没有这个栏目", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const items = await listFeedItems({ categoryId: category.id });
  return rssResponse(
    renderRss(
      {
        // the site's name from 站点设置
        title: `${site} · ${category.name}`,
        description: category.description ?? `${site}「${category.name}」栏目`,
        path: `/category/${category.slug}`,
        feedPath: `/category/${category.slug}/feed`,
      },
      items,
    ),
  );
}
