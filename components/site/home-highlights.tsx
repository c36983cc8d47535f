import type { HomeHighlights as Highlights } from "@/lib/services/public/get-home-highlights";
import { ArticleCover } from "./article-cover";
import { ArticleMeta } from "./article-meta";

/** 头条 (large, with cover and lede) beside the 推荐 list. */
export function HomeHighlights({ highlights }: { highlights: Highlights }) {
  const { lead, featured } = highlights;
  if (!lead) return null;
  return (
    <section aria-labelledby="highlights-title" className="grid gap-5 lg:grid-cols-[3fr_2fr]">
      <h2 id="highlights-title" className="sr-only">
        头条与推荐
      </h2>
      <article className="overflow-hidden rounded bg-white" data-testid="lead-story">
        <a href={`/posts/${lead.publicId}`} tabIndex={-1} aria-hidden="true" className="block">
          <ArticleCover
            article={lead}
            eager
            sizes="(min-width: 1024px) 42rem, 100vw"
            className="aspect-video w-full"
          />
        </a>
        <div className="p-5">
          <h3 className="text-xl leading-snug font-bold md:text-2xl">
            <a href={`/posts/${lead.publicId}`} className="s-a">
              {lead.title}
            </a>
          </h3>
          {lead.lede && <p className="mt-2 line-clamp-3 leading-7 text-ink-600">{lead.lede}</p>}
          <div className="mt-3">
            <ArticleMeta article={lead} />
          </div>
        </div>
      </article>
      <ul className="flex flex-col gap-3" data-testid="featured-stories">
        {featured.map((a) => (
          <li key={a.publicId} className="flex flex-1 gap-3 rounded bg-white p-3">
            <a
              href={`/posts/${a.publicId}`}
              tabIndex={-1}
              aria-hidden="true"
              className="shrink-0 overflow-hidden rounded"
            >
              <ArticleCover article={a} className="h-20 w-32 text-sm" />
            </a>
            <div className="min-w-0">
              <h3 className="line-clamp-2 leading-snug font-semibold">
                <a href={`/posts/${a.publicId}`} className="s-a">
                  {a.title}
                </a>
              </h3>
              <p className="mt-1 text-xs text-ink-600">
                {a.author?.displayName ?? "署名编辑部"} · {a.category.name}
              </p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
