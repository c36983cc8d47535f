import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { KeysetArticles } from "@/components/site/keyset-articles";
import { ArticleListSkeleton } from "@/components/ui/skeleton";
import { TAG_KIND_LABELS } from "@/lib/labels";
import { getTag } from "@/lib/services/public/get-tag";
import { listTagArticles } from "@/lib/services/public/list-tag-articles";
import { pageMetadata } from "@/lib/seo/page-metadata";
import type { SearchParams } from "../../search-params";
import { EntityFacts } from "./entity-facts";

export async function tagMetadata(slug: string): Promise<Metadata> {
  const tag = await getTag(slug);
  if (!tag) return { title: "专题不存在" };
  const entity = tag.kind !== "TOPIC";
  return pageMetadata({
    title: `${TAG_KIND_LABELS[tag.kind]}：${tag.name}`,
    description: entity
      ? `${tag.name}${tag.aliases.length ? `（又名 ${tag.aliases.slice(0, 3).join("、")}）` : ""}：署名 Byline 的相关报道与漏洞。`
      : `署名 Byline 关于「${tag.name}」的文章。`,
    path: `/tag/${tag.slug}`,
  });
}

/** The tag page; with searchParams, the page ?before= asks for (the `older` route). */
export async function TagView({ slug, searchParams }: { slug: string; searchParams?: SearchParams }) {
  const tag = await getTag(slug);
  if (!tag) notFound();
  return (
    <section aria-labelledby="tag-title" className="mx-auto max-w-4xl rounded bg-white p-5">
      <header className="mb-5 border-b border-slate-200 pb-4">
        <p className="text-sm text-ink-600">
          <Link href="/tag" className="hover:text-brand-600">
            专题
          </Link>
        </p>
        <h1 id="tag-title" className="mt-1 text-2xl font-bold">
          #{tag.name}
        </h1>
        {tag.kind !== "TOPIC" && (
          <>
            <p className="mt-1">
              <span className="rounded bg-slate-800 px-1.5 py-0.5 text-xs text-white">
                {TAG_KIND_LABELS[tag.kind]}
              </span>
            </p>
            <Suspense fallback={null}>
              <EntityFacts tag={tag} />
            </Suspense>
          </>
        )}
      </header>
      <Suspense fallback={<ArticleListSkeleton />}>
        <KeysetArticles
          searchParams={searchParams}
          basePath={`/tag/${tag.slug}`}
          load={(before) => listTagArticles(tag, before)}
          headingLevel={2}
          emptyText={tag.kind === "TOPIC" ? "这个专题下还没有文章。" : "还没有关于它的文章。"}
        />
      </Suspense>
    </section>
  );
}
