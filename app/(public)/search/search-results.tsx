import Link from "next/link";
import { ArticleMeta } from "@/components/site/article-meta";
import { SearchForm } from "@/components/site/search-form";
import { Pagination } from "@/components/ui/pagination";
import { SafeHtml } from "@/components/ui/safe-html";
import { searchArticles, searchInputSchema } from "@/lib/services/public/search-articles";
import { firstParam, type SearchParams } from "../search-params";

const pageHref = (q: string, p: number) => `/search?q=${encodeURIComponent(q)}${p > 1 ? `&page=${p}` : ""}`;
const examples = ["勒索软件", "供应链攻击", "Kerberos", "LockBit 勒索"];

/** Reads ?q= and ?page=, so it renders per request; the search itself is cached per query. */
export async function SearchResults({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const { q, page } = searchInputSchema.parse({ q: firstParam(sp.q) ?? "", page: firstParam(sp.page) ?? 1 });
  const result = q ? await searchArticles({ q, page }) : null;
  return (
    <>
      <SearchForm id="search-page-q" defaultValue={q} large landmark="搜索文章" />
      {!result || result.words.length === 0 ? (
        <div className="mt-8 text-ink-600" data-testid="search-empty">
          <p>
            {q ? "请输入文字或英文单词作为关键词。" : "输入关键词，搜索文章标题、导语和正文，中英文均可。"}
          </p>
          <p className="mt-3 flex flex-wrap items-center gap-2 text-sm">
            试试：
            {examples.map((e) => (
              <Link
                key={e}
                href={`/search?q=${encodeURIComponent(e)}`}
                className="rounded-full border border-slate-200 px-3 py-1 hover:border-brand-500 hover:text-brand-600"
              >
                {e}
              </Link>
            ))}
          </p>
        </div>
      ) : result.hits.length === 0 ? (
        <div className="mt-8" data-testid="search-no-results">
          <p className="text-lg">{page > 1 ? "这一页没有更多结果了。" : <>没有找到与“{q}”相关的文章。</>}</p>
          <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-ink-600">
            <li>检查关键词是否有错别字，或换一个说法。</li>
            <li>减少关键词：多个词需要同时出现在文章里。</li>
            <li>
              浏览
              <Link href="/#hot" className="text-brand-700 hover:underline">
                热门文章
              </Link>
              或按栏目查找。
            </li>
          </ul>
        </div>
      ) : (
        <>
          <p className="mt-6 text-sm text-ink-600" role="status">
            找到约 <strong className="text-ink-900">{result.total}</strong> 篇与“{q}”相关的文章
            {result.pageCount > 1 && `，第 ${page}/${result.pageCount} 页`}
          </p>
          <ol className="mt-4 divide-y divide-slate-100" data-testid="search-results">
            {result.hits.map((h) => (
              <li key={h.publicId} className="py-5">
                <h2 className="text-lg leading-snug font-semibold [&_mark]:bg-yellow-200 [&_mark]:text-ink-900">
                  <Link href={`/posts/${h.publicId}`} className="text-ink-900 hover:text-brand-600">
                    <SafeHtml as="span" html={h.titleHtml} />
                  </Link>
                </h2>
                <SafeHtml
                  as="p"
                  className="mt-1.5 text-sm leading-6 text-ink-600 [&_mark]:bg-yellow-200 [&_mark]:text-ink-900"
                  html={h.snippetHtml}
                />
                <div className="mt-2">
                  <ArticleMeta article={h} />
                </div>
              </li>
            ))}
          </ol>
          <Pagination
            variant="numbered"
            label="搜索结果分页"
            page={page}
            pageCount={result.pageCount}
            href={(p) => pageHref(q, p)}
          />
        </>
      )}
    </>
  );
}
