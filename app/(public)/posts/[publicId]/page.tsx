import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getAuthorLatest } from "@/lib/services/public/get-author-latest";
import { getCommentState } from "@/lib/services/public/get-comment-state";
import { getPublicArticle } from "@/lib/services/public/get-public-article";
import { getRelatedArticles } from "@/lib/services/public/get-related-articles";
import { getSiteSettings } from "@/lib/services/public/get-site-settings";
import { listArticleStaticParams } from "@/lib/services/public/list-article-static-params";
import { listHotArticles } from "@/lib/services/public/list-hot-articles";
import { TipQr } from "@/components/site/tip-qr";
import { ArticleJsonLd } from "./article-json-ld";
import { articleMetadata } from "./article-metadata";
import { ArticleView } from "./article-view";
import { AuthorCard } from "./author-card";
import { CommentsSection } from "./comments-section";
import { HotArticles } from "./hot-articles";
import { RelatedArticles } from "./related-articles";

type Props = { params: Promise<{ publicId: string }> };

// The whole page is static output (per-reader parts are client components that ask after load).
// That also makes an unknown or unpublished id a real 404: the first request for an id that was
// not prerendered waits for its render instead of streaming a shell with status 200.
export const ensureStatic = "navigation";

export async function generateStaticParams() {
  return (await listArticleStaticParams()).map((publicId) => ({ publicId }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [article, settings] = await Promise.all([
    getPublicArticle((await params).publicId),
    getSiteSettings(),
  ]);
  if (!article) notFound();
  return articleMetadata(article, settings.name);
}

/**
 * 文章页. Everything on it is shared by all readers and cached by tag; the per-reader parts
 * (收藏 state, comment form sign-in, the view beacon) are client components that ask after
 * load; the comment order (?order=), later pages of comments and the reader's own are fetched
 * by the comment board after hydration.
 */
export default async function ArticlePage({ params }: Props) {
  const article = await getPublicArticle((await params).publicId);
  if (!article) notFound();

  const [related, latest, comments, settings] = await Promise.all([
    getRelatedArticles({
      articleId: article.id,
      categoryId: article.category.id,
      tagIds: article.tags.map((t) => t.id),
    }),
    getAuthorLatest(article.author.id, article.id),
    getCommentState(article.id),
    getSiteSettings(),
  ]);
  const shown = new Set([
    article.publicId,
    ...related.map((a) => a.publicId),
    ...latest.map((a) => a.publicId),
  ]);
  const hot = (await listHotArticles({ categoryId: article.category.id, limit: 6 + shown.size }))
    .filter((a) => !shown.has(a.publicId))
    .slice(0, 6);

  return (
    <div className="-mx-1 sm:mx-0">
      <ArticleJsonLd article={article} siteName={settings.name} />
      <nav aria-label="面包屑" className="mb-3 text-sm text-ink-600">
        <ol className="flex flex-wrap items-center gap-1">
          <li>
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- public pages load documents (docs/public-site.md) */}
            <a href="/" className="s-hl">
              首页
            </a>
          </li>
          <li aria-hidden="true">/</li>
          <li>
            <a href={`/category/${article.category.slug}`} className="s-hl">
              {article.category.name}
            </a>
          </li>
        </ol>
      </nav>
      <div className="s-article-grid">
        <div className="min-w-0">
          <ArticleView article={article} commentCount={comments.count} />
          <TipQr tip={settings.tip} />
          <RelatedArticles items={related} />
          <CommentsSection articleId={article.id} publicId={article.publicId} />
        </div>
        <aside aria-label="作者与热文" className="s-defer mt-6 space-y-6 lg:mt-0">
          <AuthorCard author={article.author} latest={latest} />
          <HotArticles items={hot} categoryName={article.category.name} />
        </aside>
      </div>
    </div>
  );
}
