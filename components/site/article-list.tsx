import type { ArticleCard } from "@/lib/services/public/article-card";
import { ArticleCover } from "./article-cover";
import { ArticleMeta } from "./article-meta";

/** The main river of articles: cover, title, lede and byline per row. */
/** `headingLevel`: one below the heading the list sits under (2 right under a page's h1). */
export function ArticleList({
  articles,
  showCategory = true,
  headingLevel = 3,
  testId = "article-list",
}: {
  articles: ArticleCard[];
  showCategory?: boolean;
  headingLevel?: 2 | 3;
  testId?: string;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="s-list divide-y divide-slate-100" data-testid={testId}>
      {articles.map((a) => (
        <li key={a.publicId} className="flex gap-4 py-5 first:pt-0">
          <a href={`/posts/${a.publicId}`} tabIndex={-1} aria-hidden="true" className="s-thumb">
            <ArticleCover article={a} className="h-[6.75rem] w-48" />
          </a>
          <div className="min-w-0 flex-1">
            <Heading className="s-title">
              <a href={`/posts/${a.publicId}`} className="s-a">
                {a.isTranslation && <span className="s-badge">编译</span>}
                {a.title}
              </a>
            </Heading>
            {a.lede && <p className="s-lede">{a.lede}</p>}
            <div className="mt-2">
              <ArticleMeta article={a} showCategory={showCategory} />
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
