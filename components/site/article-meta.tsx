import { formatDateTime } from "@/lib/format/beijing-time";
import type { ArticleCard } from "@/lib/services/public/article-card";

export const formatViews = (n: number) =>
  n >= 10_000 ? `${(n / 10_000).toFixed(1).replace(/\.0$/, "")}万` : String(n);

/** Byline row: author (and translator), category, time, views, approved comments. */
export function ArticleMeta({
  article,
  showCategory = true,
}: {
  article: ArticleCard;
  showCategory?: boolean;
}) {
  const { author, translator } = article;
  return (
    <p className="s-meta">
      {author ? (
        <a href={`/member/${author.publicId}`} className="s-name">
          {author.displayName}
        </a>
      ) : (
        <span>署名编辑部</span>
      )}
      {translator && (
        <span>
          译者{" "}
          <a href={`/member/${translator.publicId}`} className="s-a">
            {translator.displayName}
          </a>
        </span>
      )}
      {showCategory && (
        <a href={`/category/${article.category.slug}`} className="s-pill">
          {article.category.name}
        </a>
      )}
      <time dateTime={article.publishedAt.toISOString()}>{formatDateTime(article.publishedAt)}</time>
      <span>
        <span className="sr-only">阅读量 </span>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="s-eye">
          <path
            d="M1.5 10S5 4 10 4s8.5 6 8.5 6-3.5 6-8.5 6-8.5-6-8.5-6z"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
          />
          <circle cx="10" cy="10" r="2.5" fill="currentColor" />
        </svg>
        {formatViews(article.viewCount)}
      </span>
      <span data-testid="card-comment-count">
        <svg aria-hidden="true" viewBox="0 0 20 20" className="s-eye">
          <path d="M3 4h14v9H8l-4 3v-3H3z" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
        {formatViews(article.commentCount)} 条评论
      </span>
    </p>
  );
}
