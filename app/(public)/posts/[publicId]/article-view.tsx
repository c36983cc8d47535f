import { extractToc, wantsToc } from "@/lib/content/extract-toc";
import type { PublicArticle } from "@/lib/services/public/get-public-article";
import { absoluteUrl } from "@/lib/site-url";
// the short classes of 标签 and 目录; previews in the staff area render this without the site chrome
import "@/components/site/site.css";
import { ArticleBody } from "./article-body";
import { ArticleCorrections } from "./article-corrections";
import { ArticleCover } from "./article-cover";
import { ArticleHeader } from "./article-header";
import { ArticleLede } from "./article-lede";
import { ArticleTags } from "./article-tags";
import { CveChips } from "@/components/site/cve-chips";
import { IocExports } from "@/components/site/ioc-exports";
import { ArticleToc } from "./article-toc";
import { ShareBox } from "./share-box";
import { TranslationCredit } from "./translation-credit";

/** What the article view shows; a preview of an unpublished article has no publish time yet. */
export type ArticleViewData = Omit<PublicArticle, "publishedAt"> & { publishedAt: Date | null };

/**
 * The article itself, as readers see it: header, 更正与更新, 导语, cover, contents, body, tags and the
 * translation credit. The article page and both previews (/editor/articles/[id]/preview,
 * /preview/[token]) render this one component, so a preview cannot drift from the real page.
 * A preview leaves out what belongs to a live article (views, 收藏, sharing).
 */
export function ArticleView({
  article,
  preview = false,
  commentCount,
}: {
  article: ArticleViewData;
  preview?: boolean;
  /** approved comments, linked to #comments in the header (the live page only) */
  commentCount?: number;
}) {
  const toc = extractToc(article.bodyHtml);
  return (
    <article className="rounded bg-white p-4 sm:p-8" data-testid="article">
      <ArticleHeader article={article} preview={preview} commentCount={commentCount} />
      <ArticleCorrections corrections={article.corrections} />
      <ArticleLede lede={article.lede} />
      <ArticleCover
        url={article.coverUrl}
        srcset={article.coverSrcset}
        alt={article.coverAlt}
        caption={article.coverCaption}
        title={article.title}
      />
      {wantsToc(toc, article.bodyLength) && <ArticleToc toc={toc} />}
      <div className="mt-6">
        <ArticleBody html={article.bodyHtml} />
      </div>
      {/* an article with IOC blocks offers their exports (a preview's would be 404: not published) */}
      {!preview && article.bodyHtml.includes("data-ioc-copy") && (
        <IocExports base={`/api/articles/${article.publicId}/ioc`} label="导出本文 IOC：" />
      )}
      <ArticleTags tags={article.tags} />
      <CveChips articleId={article.id} />
      {article.source && (
        <TranslationCredit source={article.source} translatorName={article.translator?.displayName ?? null} />
      )}
      {!preview && (
        <ShareBox
          url={absoluteUrl(`/posts/${article.publicId}`)}
          title={article.title}
          qrSrc={`/posts/${article.publicId}/qr.svg`}
        />
      )}
    </article>
  );
}
