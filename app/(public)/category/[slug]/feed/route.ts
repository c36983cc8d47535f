import { renderRss } from "@/lib/feed/rss";
import { rssResponse } from "@/lib/feed/rss-response";
import { SITE_NAME } from "@/lib/seo/page-metadata";
import { listCategories } from "@/lib/services/public/list-categories";
import { listFeedItems } from "@/lib/services/public/list-feed-items";

export async function generateStaticParams() {
  const categories = await listCategories();
  return categories.length ? categories.map((c) => ({ slug: c.slug })) : [{ slug: "__none__" }];
}

/** /category/<slug>/feed: one category, RSS 2.0 with full text. Two statements on a cache miss. */
export async function GET(_req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const category = (await listCategories()).find((c) => c.slug === slug);
  if (!category)
    return new Response("没有这个栏目", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  const items = await listFeedItems({ categoryId: category.id });
  return rssResponse(
    renderRss(
      {
        title: `${SITE_NAME} · ${category.name}`,
        description: category.description ?? `${SITE_NAME}「${category.name}」栏目`,
        path: `/category/${category.slug}`,
        feedPath: `/category/${category.slug}/feed`,
      },
      items,
    ),
  );
}
