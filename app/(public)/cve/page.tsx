import Link from "next/link";
import { Suspense } from "react";
import { ArticleListSkeleton } from "@/components/ui/skeleton";
import { Pagination } from "@/components/ui/pagination";
import { inputClass } from "@/components/ui/input";
import { secondaryButton } from "@/components/ui/button";
import { toHalfWidth } from "@/lib/cve/id";
import { formatDate } from "@/lib/format/beijing-time";
import { CVE_PAGE_SIZE, MAX_CVE_PAGE, listCves } from "@/lib/services/cve/list-cves";
import { pageMetadata } from "@/lib/seo/page-metadata";
import { firstParam, type SearchParams } from "../search-params";
import { severityClass, severityLabel } from "./labels";

export const metadata = pageMetadata({
  title: "漏洞库",
  description: "署名 Byline 报道过的 CVE 漏洞：CVSS 评分、是否已被在野利用（CISA KEV）与相关文章。",
  path: "/cve",
});

/** ?q= as an id prefix ("cve-2024", "CVE-2024-3094"), or null when it cannot be one. */
function prefixOf(q: string | undefined): string | null {
  const p = toHalfWidth((q ?? "").trim()).toUpperCase();
  return /^[A-Z0-9-]{0,24}$/.test(p) ? p : null;
}

export default function CveIndexPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <section aria-labelledby="cve-index-title" className="mx-auto max-w-4xl rounded bg-white p-5">
      <h1 id="cve-index-title" className="text-2xl font-bold">
        漏洞库
      </h1>
      <p className="mt-1 text-sm text-ink-600">本站文章提到的 CVE 漏洞，已被在野利用（KEV）的排在前面。</p>
      <Suspense fallback={<ArticleListSkeleton />}>
        <CveList searchParams={searchParams} />
      </Suspense>
    </section>
  );
}

async function CveList({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const q = firstParam(sp.q) ?? "";
  const prefix = prefixOf(q);
  const page = Math.min(MAX_CVE_PAGE, Math.max(1, Math.trunc(Number(firstParam(sp.page))) || 1));
  const result = prefix === null ? null : await listCves(page, prefix);
  const href = (p: number) => `/cve?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  return (
    <>
      <form action="/cve" method="get" role="search" className="mt-4 flex gap-2">
        <label htmlFor="cve-q" className="sr-only">
          按漏洞编号搜索
        </label>
        <input
          id="cve-q"
          name="q"
          defaultValue={q}
          maxLength={40}
          placeholder="漏洞编号，例如 CVE-2024-3094"
          className={`${inputClass()} flex-1`}
        />
        <button type="submit" className={secondaryButton}>
          搜索
        </button>
      </form>
      {result === null ? (
        <p className="py-8 text-center text-ink-600" role="alert">
          请输入漏洞编号（字母、数字和连字符），例如 CVE-2024-3094。
        </p>
      ) : result.items.length === 0 ? (
        <p className="py-8 text-center text-ink-600">
          {prefix ? "没有找到匹配的漏洞。" : "还没有文章提到 CVE 漏洞。"}
        </p>
      ) : (
        <>
          <ul className="mt-4 divide-y divide-slate-100" data-testid="cve-index">
            {result.items.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-3">
                <Link href={`/cve/${c.id}`} className="font-mono font-medium text-brand-700 hover:underline">
                  {c.id}
                </Link>
                {c.kevAddedAt && (
                  <span className="rounded bg-red-700 px-1.5 py-0.5 text-xs text-white">KEV</span>
                )}
                {c.severity && (
                  <span className={`rounded px-1.5 py-0.5 text-xs ${severityClass[c.severity] ?? ""}`}>
                    {severityLabel[c.severity] ?? c.severity}
                    {c.score !== null && ` ${c.score.toFixed(1)}`}
                  </span>
                )}
                <span className="text-sm text-ink-600">
                  {c.articleCount} 篇文章 · 最近 {formatDate(c.lastMentionedAt)}
                </span>
              </li>
            ))}
          </ul>
          <div className="mt-4">
            <Pagination
              page={page}
              pageCount={Math.min(MAX_CVE_PAGE, result.pageCount)}
              href={href}
              label="漏洞库分页"
              total={result.total}
            />
          </div>
          {result.total > CVE_PAGE_SIZE * MAX_CVE_PAGE && (
            <p className="mt-2 text-sm text-ink-600">
              只列出前 {CVE_PAGE_SIZE * MAX_CVE_PAGE} 个，请按编号搜索。
            </p>
          )}
        </>
      )}
    </>
  );
}
