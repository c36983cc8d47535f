import Link from "next/link";

type Props = { page: number; pageCount: number; href: (page: number) => string; total: number };

/** Page-number pagination with the total, for lists whose filters make keyset links awkward. */
export function Pagination({ page, pageCount, href, total }: Props) {
  return (
    <nav aria-label="分页" className="mt-4 flex flex-wrap items-center justify-center gap-4 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} className="text-brand-700 hover:underline">
          上一页
        </Link>
      ) : (
        <span className="text-slate-400">上一页</span>
      )}
      <span aria-current="page">
        第 {page} / {pageCount} 页 · 共 {total} 条
      </span>
      {page < pageCount ? (
        <Link href={href(page + 1)} className="text-brand-700 hover:underline">
          下一页
        </Link>
      ) : (
        <span className="text-slate-400">下一页</span>
      )}
    </nav>
  );
}
