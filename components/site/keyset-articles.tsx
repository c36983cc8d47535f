import type { ArticlePage } from "@/lib/services/public/query-article-page";
import { decodeCursor, type Cursor } from "@/lib/services/public/cursor";
import { ArticleList } from "./article-list";
import { LoadMore } from "./load-more";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * A keyset-paginated article list driven by ?before=. Given searchParams it reads them, so place it
 * inside <Suspense>: the rest of the page stays in the static shell. Without them it is the first
 * page: the category, tag and member pages render that one statically (cached whole), and proxy.ts
 * sends their ?before= requests to an `older` route that passes searchParams.
 */
export async function KeysetArticles({
  searchParams,
  basePath,
  load,
  showCategory = true,
  headingLevel = 3,
  emptyText = "这里还没有文章。",
}: {
  searchParams?: SearchParams;
  basePath: string;
  load: (before: Cursor | null) => Promise<ArticlePage>;
  showCategory?: boolean;
  headingLevel?: 2 | 3;
  emptyText?: string;
}) {
  const raw = searchParams ? (await searchParams).before : undefined;
  const before = decodeCursor(Array.isArray(raw) ? raw[0] : raw);
  const page = await load(before);
  if (page.items.length === 0) {
    return <p className="py-8 text-center text-ink-600">{before ? "没有更早的文章了。" : emptyText}</p>;
  }
  return (
    <>
      <ArticleList articles={page.items} showCategory={showCategory} headingLevel={headingLevel} />
      <LoadMore basePath={basePath} nextCursor={page.nextCursor} isFirstPage={!before} />
    </>
  );
}
