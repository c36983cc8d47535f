import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { Pagination } from "@/components/ui/pagination";
import { LoadingPanel } from "@/components/ui/skeleton";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { formatDate } from "@/lib/format/beijing-time";
import { listBookmarks } from "@/lib/services/bookmarks/list-bookmarks";
import { RemoveBookmarkButton } from "./remove-bookmark-button";

export const metadata: Metadata = { title: "我的收藏", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

async function BookmarkList({ searchParams }: Props) {
  const actor = await requireUserOrRedirect("/me/bookmarks");
  const { items, total, page, pageCount } = await listBookmarks(actor, { page: (await searchParams).page });
  if (total === 0) {
    return (
      <p className="rounded bg-white p-8 text-center text-ink-600">
        还没有收藏文章。阅读时点击文章标题下方的“收藏”，就能在这里找到它。
        <Link href="/" className="ml-1 text-brand-700 underline">
          去首页看看
        </Link>
      </p>
    );
  }
  const pageHref = (p: number) => (p <= 1 ? "/me/bookmarks" : `/me/bookmarks?page=${p}`);
  return (
    <>
      <p className="mb-3 text-sm text-ink-600">共 {total} 篇</p>
      <ul className="divide-y divide-slate-100 rounded bg-white" data-testid="bookmark-list">
        {items.map((a) => (
          <li key={a.publicId} className="flex flex-col gap-2 p-4 sm:flex-row sm:items-start sm:gap-4">
            <div className="min-w-0 flex-1">
              <Link
                href={`/posts/${a.publicId}`}
                className="text-base font-medium text-ink-900 hover:text-brand-600"
              >
                {a.title}
              </Link>
              {a.lede && <p className="mt-1 line-clamp-2 text-sm text-ink-600">{a.lede}</p>}
              <p className="mt-1 text-xs text-ink-600">
                <Link href={`/category/${a.category.slug}`} className="hover:text-brand-600">
                  {a.category.name}
                </Link>
                <span className="mx-2">·</span>发布于{" "}
                <time dateTime={a.publishedAt.toISOString()}>{formatDate(a.publishedAt)}</time>
                <span className="mx-2">·</span>收藏于{" "}
                <time dateTime={a.bookmarkedAt.toISOString()}>{formatDate(a.bookmarkedAt)}</time>
              </p>
            </div>
            <RemoveBookmarkButton publicId={a.publicId} title={a.title} />
          </li>
        ))}
      </ul>
      <Pagination page={page} pageCount={pageCount} href={pageHref} />
    </>
  );
}

/** 我的收藏: per user, so rendered at request time behind a Suspense boundary. */
export default function BookmarksPage({ searchParams }: Props) {
  return (
    <div className="mx-auto w-full max-w-3xl">
      <h1 className="mb-4 text-2xl font-bold text-ink-900">我的收藏</h1>
      <Suspense fallback={<LoadingPanel />}>
        <BookmarkList searchParams={searchParams} />
      </Suspense>
    </div>
  );
}
