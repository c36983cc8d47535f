import { RankedArticles } from "@/components/site/ranked-articles";
import type { HotArticle } from "@/lib/services/public/list-hot-articles";

/** 相关热文: the week's most read in this category, not already listed elsewhere on the page. */
export function HotArticles({ items, categoryName }: { items: HotArticle[]; categoryName: string }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="hot-title" className="rounded bg-white p-5">
      <h2 id="hot-title" className="s-h2">
        相关热文
      </h2>
      <p className="mt-1 pl-4 text-xs text-ink-600">{categoryName} · 近 7 天</p>
      <RankedArticles
        articles={items}
        testId="hot-articles"
        meta={(a) => a.author && <span className="text-xs text-ink-600">{a.author.displayName}</span>}
      />
    </section>
  );
}
