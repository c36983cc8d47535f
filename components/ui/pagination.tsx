import Link from "next/link";
import { pageWindow } from "./page-window";

type Props = {
  page: number;
  pageCount: number;
  /** the URL of a page; the list's filters are the caller's business */
  href: (page: number) => string;
  /** the nav's accessible name */
  label?: string;
  /**
   * "compact": 上一页 · 第 2 / 9 页 · 下一页 (staff lists, 我的收藏).
   * "numbered": 1 … 4 5 [6] 7 8 … 20 between 上一页 and 下一页 (ranked search results).
   */
  variant?: "compact" | "numbered";
  /** compact only: shown as 共 n 条, and then the bar shows on a single page too */
  total?: number;
};

const box = "min-w-9 rounded border px-3 py-1.5 text-center";
const boxLink = `${box} border-slate-300 bg-white hover:border-brand-500`;
const textLink = "text-brand-700 hover:underline";

/** The one pager: page-number links that keep working without JavaScript. */
export function Pagination({ page, pageCount, href, label = "分页", variant = "compact", total }: Props) {
  if (pageCount <= 1 && total === undefined) return null;
  const numbered = variant === "numbered";
  const step = (to: number, text: string, rel: "prev" | "next") => {
    const enabled = rel === "prev" ? page > 1 : page < pageCount;
    if (enabled) {
      return (
        <Link href={href(to)} rel={rel} className={numbered ? boxLink : textLink}>
          {text}
        </Link>
      );
    }
    // numbered bars drop the dead end; compact bars keep the layout steady with a grey word
    // (slate-600: slate-500 falls under 4.5:1 on the workspace's grey background)
    return numbered ? null : <span className="text-slate-600">{text}</span>;
  };
  return (
    <nav
      aria-label={label}
      className={`flex flex-wrap items-center justify-center text-sm ${numbered ? "mt-6 gap-2" : "mt-4 gap-4"}`}
    >
      {step(page - 1, "上一页", "prev")}
      {numbered ? (
        pageWindow(page, pageCount).map((p, i) =>
          p === "gap" ? (
            <span key={`gap-${i}`} aria-hidden="true">
              …
            </span>
          ) : p === page ? (
            <span key={p} aria-current="page" className={`${box} border-brand-600 bg-brand-600 text-white`}>
              {p}
            </span>
          ) : (
            <Link key={p} href={href(p)} className={boxLink}>
              <span className="sr-only">第 </span>
              {p}
              <span className="sr-only"> 页</span>
            </Link>
          ),
        )
      ) : (
        <span aria-current="page">
          第 {page} / {pageCount} 页{total !== undefined && ` · 共 ${total} 条`}
        </span>
      )}
      {step(page + 1, "下一页", "next")}
    </nav>
  );
}
