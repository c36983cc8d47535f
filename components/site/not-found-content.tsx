"use client";

// A client component though it has no state: the root not-found boundary sits in every page's
// payload, which then refers to this instead of carrying it (components/site/wordmark.tsx).
import { largePrimaryButton } from "@/components/ui/button";
import { SearchForm } from "./search-form";

/** The 404 body, shared by the public group's boundary and the app-wide unmatched-URL page. */
export function NotFoundContent() {
  return (
    <section className="s-404" data-testid="not-found">
      <p aria-hidden="true" className="text-6xl font-bold text-brand-600">
        404
      </p>
      <h1 className="mt-4 text-2xl font-bold">没有找到这个页面</h1>
      <p className="mt-2 text-ink-600">
        链接可能已失效，或者文章已被撤下。可以搜索一下，或者回到首页看看最新文章。
      </p>
      <div className="mx-auto mt-6 max-w-sm text-left">
        <SearchForm id="not-found-search" landmark="查找其他内容" />
      </div>
      <p className="mt-6">
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- public pages load documents (docs/public-site.md) */}
        <a href="/" className={largePrimaryButton}>
          返回首页
        </a>
      </p>
    </section>
  );
}
