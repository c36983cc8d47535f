import { formatDateTime } from "@/lib/format/beijing-time";
import type { ArticleViewData } from "./article-view";
import { BookmarkButton } from "./bookmark-button";
import { ViewCount } from "./view-count";

/** Title, byline (author, 译者), category, publish time, views, comments and the 收藏 button (not in a preview). */
export function ArticleHeader({
  article,
  preview = false,
  commentCount,
}: {
  article: ArticleViewData;
  preview?: boolean;
  commentCount?: number;
}) {
  const { author, translator, category } = article;
  return (
    <header className="border-b border-slate-200 pb-4">
      <h1 className="s-h1">{article.title}</h1>
      <div className="s-byline">
        <span>
          <span className="sr-only">作者：</span>
          <a href={`/member/${author.publicId}`} className="s-name">
            {author.displayName}
          </a>
        </span>
        {translator && (
          <span>
            译者：
            <a href={`/member/${translator.publicId}`} className="s-name">
              {translator.displayName}
            </a>
          </span>
        )}
        <a href={`/category/${category.slug}`} className="s-cat-pill">
          {category.name}
        </a>
        {article.publishedAt ? (
          <time dateTime={article.publishedAt.toISOString()}>{formatDateTime(article.publishedAt)}</time>
        ) : (
          <span>尚未发布</span>
        )}
        {!preview && (
          <>
            <ViewCount publicId={article.publicId} initial={article.viewCount} />
            {commentCount !== undefined && (
              <a href="#comments" className="s-hl" data-testid="article-comment-count">
                {commentCount} 条评论
              </a>
            )}
            <span className="ml-auto">
              <BookmarkButton publicId={article.publicId} />
            </span>
          </>
        )}
      </div>
    </header>
  );
}
