import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { HotList } from "@/components/site/hot-list";
import { KeysetArticles } from "@/components/site/keyset-articles";
import { ArticleListSkeleton } from "@/components/ui/skeleton";
import { RssLink } from "@/components/site/rss-link";
import { listCategories } from "@/lib/services/public/list-categories";
import { listCategoryArticles } from "@/lib/services/public/list-category-articles";
import { listHotArticles } from "@/lib/services/public/list-hot-articles";
import { pageMetadata } from "@/lib/seo/page-metadata";
import type { SearchParams } from "../../search-params";

// the category list is cached and needed by the layout anyway: no query by slug
const findCategory = async (slug: string) => (await listCategories()).find((c) => c.slug === slug) ?? null;

export async function categoryMetadata(slug: string): Promise<Metadata> {
  const category = await findCategory(slug);
  if (!category) return { title: "栏目不存在" };
  return pageMetadata({
    title: category.name,
    description: category.description ?? `署名 Byline「${category.name}」栏目的最新文章。`,
    path: `/category/${category.slug}`,
    feed: { path: `/category/${category.slug}/feed`, title: `署名 Byline · ${category.name}` },
  });
}

/** The category page; with searchParams, the page ?before= asks for (the `older` route). */
export async function CategoryView({ slug, searchParams }: { slug: string; searchParams?: SearchParams }) {
  const category = await findCategory(slug);
  if (!category) notFound();
  const hot = await listHotArticles({ categoryId: category.id, limit: 8 });
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <section aria-labelledby="category-title" className="rounded bg-white p-5">
        <header className="mb-5 flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 pb-4">
          <div>
            <h1 id="category-title" className="text-2xl font-bold">
              {category.name}
            </h1>
            {category.description && <p className="mt-1 text-sm text-ink-600">{category.description}</p>}
          </div>
          <RssLink href={`/category/${category.slug}/feed`} label={`订阅「${category.name}」`} />
        </header>
        <Suspense fallback={<ArticleListSkeleton />}>
          <KeysetArticles
            searchParams={searchParams}
            basePath={`/category/${category.slug}`}
            load={(before) => listCategoryArticles({ id: category.id, slug: category.slug }, before)}
            showCategory={false}
            headingLevel={2}
            emptyText="这个栏目还没有文章。"
          />
        </Suspense>
      </section>
      <aside aria-label="侧栏">
        <HotList id="hot" articles={hot} title={`${category.name}热门`} />
      </aside>
    </div>
  );
}
