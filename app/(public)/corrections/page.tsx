import Link from "next/link";
import { Suspense } from "react";
import { Pagination } from "@/components/ui/pagination";
import { ArticleListSkeleton } from "@/components/ui/skeleton";
import { formatDateTime } from "@/lib/format/beijing-time";
import { CORRECTION_KIND_LABELS } from "@/lib/labels";
import { pageMetadata } from "@/lib/seo/page-metadata";
import { listCorrections, MAX_CORRECTIONS_PAGE } from "@/lib/services/public/list-corrections";
import { firstParam, type SearchParams } from "../search-params";

export const metadata = pageMetadata({
  title: "更正与更新",
  description: "署名 Byline 已发布文章的更正与更新记录：何时改了什么，为什么改。",
  path: "/corrections",
});

export default function CorrectionsPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <section aria-labelledby="corrections-index-title" className="mx-auto max-w-4xl rounded bg-white p-5">
      <h1 id="corrections-index-title" className="text-2xl font-bold">
        更正与更新
      </h1>
      <p className="mt-1 text-sm text-ink-600">
        文章发布后的实质性修改都会在这里和文章顶部公开说明，最新的在前；错别字等小修改不单独列出。
      </p>
      <Suspense fallback={<ArticleListSkeleton />}>
        <CorrectionList searchParams={searchParams} />
      </Suspense>
    </section>
  );
}

async function CorrectionList({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const page = Math.min(MAX_CORRECTIONS_PAGE, Math.max(1, Math.trunc(Number(firstParam(sp.page))) || 1));
  const result = await listCorrections(page);
  if (result.items.length === 0)
    return (
      <p className="py-8 text-center text-ink-600">
        {page > 1 ? "这一页没有记录。" : "还没有更正或更新记录。"}
      </p>
    );
  return (
    <>
      <ol className="mt-4 divide-y divide-slate-100" data-testid="corrections-index">
        {result.items.map((c) => (
          <li key={c.id} className="py-3">
            <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">
                {CORRECTION_KIND_LABELS[c.kind]}
              </span>
              <Link
                href={`/posts/${c.article.publicId}`}
                className="font-medium text-ink-900 hover:text-brand-600 hover:underline"
              >
                {c.article.title}
              </Link>
              <time dateTime={c.createdAt.toISOString()} className="text-sm text-ink-600">
                {formatDateTime(c.createdAt)}
              </time>
            </div>
            <p className="mt-1 break-words text-sm leading-6 text-ink-900">{c.note}</p>
          </li>
        ))}
      </ol>
      <div className="mt-4">
        <Pagination
          page={page}
          pageCount={Math.min(MAX_CORRECTIONS_PAGE, result.pageCount)}
          href={(p) => `/corrections?page=${p}`}
          label="更正记录分页"
          total={result.total}
        />
      </div>
    </>
  );
}
