import { ArticleList } from "@/components/site/article-list";
import { LoadMore } from "@/components/site/load-more";
import { listLatestArticles } from "@/lib/services/public/list-latest-articles";

/**
 * The home page's river: its first page only, from cached data, so the home page stays one
 * static document (no per-request render, one copy of its flight data). 加载更多 continues on
 * /latest, which pages by ?before=.
 */
export async function LatestArticles() {
  const page = await listLatestArticles(null);
  if (page.items.length === 0) return <p className="py-8 text-center text-ink-600">还没有发布的文章。</p>;
  return (
    <>
      <ArticleList articles={page.items} />
      <LoadMore basePath="/" morePath="/latest" nextCursor={page.nextCursor} isFirstPage />
    </>
  );
}
