import { Suspense } from "react";
import { KeysetArticles } from "@/components/site/keyset-articles";
import { ArticleListSkeleton } from "@/components/ui/skeleton";
import { RssLink } from "@/components/site/rss-link";
import { SectionHeading } from "@/components/site/section-heading";
import { listLatestArticles } from "@/lib/services/public/list-latest-articles";
import { pageMetadata } from "@/lib/seo/page-metadata";
import type { SearchParams } from "../search-params";

export const metadata = pageMetadata({
  title: "最新文章",
  description: "署名 Byline 发表和翻译的全部文章，按发布时间从新到旧。",
  path: "/latest",
  feed: { path: "/feed", title: "署名 Byline 全站更新" },
});

/** 最新文章: every published article, newest first, paged by ?before= (the home page's 加载更多). */
export default function LatestPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <section aria-labelledby="latest-title" className="mx-auto max-w-4xl rounded bg-white p-5">
      <SectionHeading id="latest-title" action={<RssLink href="/feed" />} level={1}>
        最新文章
      </SectionHeading>
      <Suspense fallback={<ArticleListSkeleton />}>
        <KeysetArticles
          searchParams={searchParams}
          basePath="/latest"
          load={(before) => listLatestArticles(before)}
          headingLevel={2}
          emptyText="还没有发布的文章。"
        />
      </Suspense>
    </section>
  );
}
