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
      {/* the icons are CSS (s-views, s-comments): two inline SVGs per card were a fifth of the
          home page's elements, each written in the HTML and the payload and hydrated */}
      <span className="s-views">
        <span className="sr-only">阅读量 </span>
        {formatViews(article.viewCount)}
      </span>
      <span className="s-comments" data-testid="card-comment-count">
        {formatViews(article.commentCount)} 条评论
      </span>
    </p>
  );
}
