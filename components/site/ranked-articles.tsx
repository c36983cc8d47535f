import type { ReactNode } from "react";
import type { HotArticle } from "@/lib/services/public/list-hot-articles";

/** A numbered list of articles, the first three ranks in the brand colour; `meta` is the line under each title. */
export function RankedArticles({
  articles,
  testId,
  meta,
}: {
  articles: HotArticle[];
  testId: string;
  meta: (a: HotArticle) => ReactNode;
}) {
  return (
    <ol className="mt-3 space-y-3 text-sm" data-testid={testId}>
      {articles.map((a, i) => (
        <li key={a.publicId} className="flex gap-3">
          <span
            aria-hidden="true"
            className={`mt-0.5 w-5 shrink-0 text-center font-bold ${i < 3 ? "text-brand-600" : "text-slate-500"}`}
          >
            {i + 1}
          </span>
          <span className="min-w-0">
            <a href={`/posts/${a.publicId}`} className="s-rank-a">
              {a.title}
            </a>
            {meta(a)}
          </span>
        </li>
      ))}
    </ol>
  );
}
