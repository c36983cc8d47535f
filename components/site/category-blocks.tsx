import { formatDate } from "@/lib/format/beijing-time";
import type { CategoryBlock } from "@/lib/services/public/list-category-blocks";
import { ArticleCover } from "./article-cover";

/** The home page's per-category boxes: the newest article with its cover, then titles. */
export function CategoryBlocks({ blocks }: { blocks: CategoryBlock[] }) {
  if (blocks.length === 0) return null;
  return (
    <section aria-labelledby="category-blocks-title" className="mt-10">
      <h2 id="category-blocks-title" className="sr-only">
        分类浏览
      </h2>
      <div className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
        {blocks.map((b) => {
          const [first, ...rest] = b.articles;
          return (
            <section
              key={b.slug}
              aria-labelledby={`block-${b.slug}`}
              className="s-defer rounded bg-white p-5"
              data-testid="category-block"
            >
              <div className="flex items-center justify-between border-b border-slate-100 pb-2">
                <h3 id={`block-${b.slug}`} className="border-l-4 border-brand-600 pl-3 font-semibold">
                  {b.name}
                </h3>
                <a href={`/category/${b.slug}`} className="text-xs text-brand-700 hover:underline">
                  更多<span className="sr-only">{b.name}文章</span> →
                </a>
              </div>
              {first && (
                <a href={`/posts/${first.publicId}`} className="group mt-3 block">
                  <ArticleCover
                    article={first}
                    sizes="(min-width: 1024px) 20rem, (min-width: 640px) 50vw, 100vw"
                    className="aspect-video w-full rounded"
                  />
                  <span className="s-card-a">{first.title}</span>
                </a>
              )}
              <ul className="mt-2 space-y-2 text-sm">
                {rest.map((a) => (
                  <li key={a.publicId} className="s-row">
                    <a href={`/posts/${a.publicId}`} className="s-row-a">
                      {a.title}
                    </a>
                    <time dateTime={a.publishedAt.toISOString()} className="s-time">
                      {formatDate(a.publishedAt).slice(5)}
                    </time>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </section>
  );
}
