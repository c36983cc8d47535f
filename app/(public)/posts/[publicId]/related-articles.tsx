import type { ArticleLink } from "@/lib/services/public/get-related-articles";

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
              {a.coverThumb && (
                // eslint-disable-next-line @next/next/no-img-element -- pre-sized media, no optimiser
                <img src={a.coverThumb} alt="" width={1200} height={630} loading="lazy" />
              )}
              <span>{a.title}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
