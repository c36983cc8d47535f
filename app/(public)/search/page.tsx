import { Suspense } from "react";
import { SearchForm } from "@/components/site/search-form";
import { pageMetadata } from "@/lib/seo/page-metadata";
import type { SearchParams } from "../search-params";
import { SearchResults } from "./search-results";

// result pages are endless and thin: reachable, but kept out of search engines' indexes
export const metadata = pageMetadata({
  title: "搜索",
  description: "搜索署名 Byline 的文章：标题、导语与正文，支持中英文关键词。",
  path: "/search",
  noindex: true,
});

export default function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <section aria-labelledby="search-title" className="mx-auto max-w-4xl rounded bg-white p-6">
      <h1 id="search-title" className="mb-4 text-2xl font-bold">
        搜索
      </h1>
      <Suspense fallback={<SearchForm id="search-page-q" large landmark="搜索文章" />}>
        <SearchResults searchParams={searchParams} />
      </Suspense>
    </section>
  );
}
