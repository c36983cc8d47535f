import Link from "next/link";
import type { HotArticle } from "@/lib/services/public/list-hot-articles";

/** 相关热文: the week's most read in this category, not already listed elsewhere on the page. */
export function HotArticles({ items, categoryName }: { items: HotArticle[]; categoryName: string }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="hot-title" className="rounded bg-white p-5">
      <h2 id="hot-title" className="border-l-4 border-brand-600 pl-3 text-lg font-semibold text-ink-900">
        相关热文
      </h2>
      <p className="mt-1 pl-4 text-xs text-ink-600">{categoryName} · 近 7 天</p>
      <ol className="mt-3 space-y-3 text-sm" data-testid="hot-articles">
        {items.map((a, i) => (
          <li key={a.publicId} className="flex gap-3">
            <span
              aria-hidden="true"
              className={`mt-0.5 w-5 shrink-0 text-center font-bold ${i < 3 ? "text-brand-600" : "text-slate-500"}`}
            >
              {i + 1}
            </span>
            <span>
              <Link
                href={`/posts/${a.publicId}`}
                className="line-clamp-2 leading-6 text-ink-900 hover:text-brand-600"
              >
                {a.title}
              </Link>
              {a.author && <span className="text-xs text-ink-600">{a.author.displayName}</span>}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
