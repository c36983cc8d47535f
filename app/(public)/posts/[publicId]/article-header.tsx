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
      <h1 className="text-2xl leading-snug font-bold text-ink-900 sm:text-3xl">{article.title}</h1>
      <div className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-ink-600">
        <span>
          <span className="sr-only">作者：</span>
          <a href={`/member/${author.publicId}`} className="font-medium text-ink-900 hover:text-brand-600">
            {author.displayName}
          </a>
        </span>
        {translator && (
          <span>
            译者：
            <a
              href={`/member/${translator.publicId}`}
              className="font-medium text-ink-900 hover:text-brand-600"
            >
              {translator.displayName}
            </a>
          </span>
        )}
        <a
          href={`/category/${category.slug}`}
          className="rounded bg-brand-50 px-2 py-0.5 text-brand-700 hover:bg-brand-100"
        >
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
              <a href="#comments" className="hover:text-brand-600" data-testid="article-comment-count">
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
