import type { HotArticle } from "@/lib/services/public/list-hot-articles";
import { formatViews } from "./article-meta";
import { RankedArticles } from "./ranked-articles";

/** A numbered 热门 box. `id` lets the 导读 menu link to it (/#hot). */
export function HotList({
  articles,
  title = "热门文章",
  subtitle = "近 7 天阅读最多",
  id,
}: {
  articles: HotArticle[];
  title?: string;
  subtitle?: string;
  id?: string;
}) {
  const headingId = `${id ?? "hot-list"}-title`;
  return (
    <section id={id} aria-labelledby={headingId} className="scroll-mt-4 rounded bg-white p-5">
      <h2 id={headingId} className="s-h2">
        {title}
      </h2>
      <p className="mt-1 pl-4 text-xs text-ink-600">{subtitle}</p>
      {articles.length === 0 ? (
        <p className="mt-4 text-sm text-ink-600">暂时还没有文章。</p>
      ) : (
        <RankedArticles
          articles={articles}
          testId="hot-list"
          meta={(a) => (
            <span className="text-xs text-ink-600">
              {a.author?.displayName ?? "署名编辑部"} · {formatViews(a.recentViews || a.viewCount)} 次阅读
            </span>
          )}
        />
      )}
    </section>
  );
}
