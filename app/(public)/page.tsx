import { CategoryBlocks } from "@/components/site/category-blocks";
import { HomeHighlights } from "@/components/site/home-highlights";
import { HotList } from "@/components/site/hot-list";
import { LatestComments } from "@/components/site/latest-comments";
import { RssLink } from "@/components/site/rss-link";
import { SectionHeading } from "@/components/site/section-heading";
import { getHomeHighlights } from "@/lib/services/public/get-home-highlights";
import { listCategoryBlocks } from "@/lib/services/public/list-category-blocks";
import { listHotArticles } from "@/lib/services/public/list-hot-articles";
import { listLatestComments } from "@/lib/services/public/list-latest-comments";
import { pageMetadata } from "@/lib/seo/page-metadata";
import { LatestArticles } from "./latest-articles";

export const metadata = pageMetadata({ path: "/", feed: { path: "/feed", title: "署名 Byline 全站更新" } });

// One static document from cached reads, served as is: a per-request part (it used to read
// ?before= for the river) made Next.js render the whole page's flight data again on every
// request, about 90 ms of CPU each. Older pages of the river live on /latest.
export const ensureStatic = "navigation";

/** Home: lead and featured stories, the river's first page, hot list, latest comments, category blocks. */
export default async function HomePage() {
  const [highlights, hot, blocks, comments] = await Promise.all([
    getHomeHighlights(),
    listHotArticles({ limit: 10 }),
    listCategoryBlocks(),
    listLatestComments(),
  ]);
  return (
    <>
      <h1 className="sr-only">署名 Byline：网络安全资讯与译文</h1>
      <HomeHighlights highlights={highlights} />
      <div className="mt-8 grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <section aria-labelledby="latest-title" className="rounded bg-white p-5">
          <SectionHeading id="latest-title" action={<RssLink href="/feed" />}>
            最新文章
          </SectionHeading>
          <LatestArticles />
        </section>
        <aside className="s-defer space-y-6" aria-label="侧栏">
          <HotList id="hot" articles={hot} />
          <LatestComments comments={comments} />
        </aside>
      </div>
      <CategoryBlocks blocks={blocks} />
    </>
  );
}
