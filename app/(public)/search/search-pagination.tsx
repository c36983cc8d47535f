import Link from "next/link";

/** Numbered pages for ranked results (1 … 4 5 [6] 7 8 … 20), with previous/next. */
export function SearchPagination({ q, page, pageCount }: { q: string; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  const href = (p: number) => `/search?q=${encodeURIComponent(q)}${p > 1 ? `&page=${p}` : ""}`;
  const pages = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  const cls = "min-w-9 rounded border px-3 py-1.5 text-center";
  return (
    <nav aria-label="搜索结果分页" className="mt-6 flex flex-wrap items-center justify-center gap-2 text-sm">
      {page > 1 && (
        <Link href={href(page - 1)} rel="prev" className={`${cls} border-slate-300 bg-white hover:border-brand-500`}>
          上一页
        </Link>
      )}
      {pages.map((p, i) => (
        <span key={p} className="flex items-center gap-2">
          {i > 0 && p - pages[i - 1]! > 1 && <span aria-hidden="true">…</span>}
          {p === page ? (
            <span aria-current="page" className={`${cls} border-brand-600 bg-brand-600 text-white`}>
              {p}
            </span>
          ) : (
            <Link href={href(p)} className={`${cls} border-slate-300 bg-white hover:border-brand-500`}>
              <span className="sr-only">第 </span>
              {p}
              <span className="sr-only"> 页</span>
            </Link>
          )}
        </span>
      ))}
      {page < pageCount && (
        <Link href={href(page + 1)} rel="next" className={`${cls} border-slate-300 bg-white hover:border-brand-500`}>
          下一页
        </Link>
      )}
    </nav>
  );
}
