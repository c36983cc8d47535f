import { KeysetArticles } from "@/components/site/keyset-articles";
import { listLatestArticles } from "@/lib/services/public/list-latest-articles";
import type { SearchParams } from "./search-params";

/** The home page's river; reads ?before=, so it renders at request time (from cached data). */
export function LatestArticles({ searchParams }: { searchParams: SearchParams }) {
  return <KeysetArticles searchParams={searchParams} basePath="/" load={(before) => listLatestArticles(before)} emptyText="还没有发布的文章。" />;
}
