import type { ArticleLink } from "@/lib/services/public/get-related-articles";

/** The cover's width in .s-related's grid: one column on a phone, two from sm, three from lg. */
const RELATED_COVER_SIZES = "(min-width: 1024px) 15rem, (min-width: 640px) 50vw, 100vw";

/** 你可能感兴趣的: ranked by shared tags, then same category (see getRelatedArticles). */
export function RelatedArticles({ items }: { items: ArticleLink[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="related-title" className="s-box s-defer">
      <h2 id="related-title" className="s-h2">
        你可能感兴趣的
      </h2>
      <ul className="s-related" data-testid="related-articles">
        {items.map((a) => (
          <li key={a.publicId}>
            <a href={`/posts/${a.publicId}`}>
              {a.coverUrl && (
                <picture>
                  {a.coverSrcset && (
                    <source type="image/webp" srcSet={a.coverSrcset} sizes={RELATED_COVER_SIZES} />
                  )}
                  <img src={a.coverUrl} alt="" width={1200} height={630} loading="lazy" />
                </picture>
              )}
              <span>{a.title}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
