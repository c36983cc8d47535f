import type { ArticleLink } from "@/lib/services/public/get-related-articles";

/** 你可能感兴趣的: ranked by shared tags, then same category (see getRelatedArticles). */
export function RelatedArticles({ items }: { items: ArticleLink[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="related-title" className="mt-6 rounded bg-white p-5 sm:p-6">
      <h2 id="related-title" className="border-l-4 border-brand-600 pl-3 text-lg font-semibold text-ink-900">
        你可能感兴趣的
      </h2>
      <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="related-articles">
        {items.map((a) => (
          <li key={a.id}>
            <a href={`/posts/${a.publicId}`} className="group block">
              {a.coverUrl && (
                // eslint-disable-next-line @next/next/no-img-element -- pre-sized media, no optimiser
                <img src={a.coverUrl} alt="" width={1200} height={630} loading="lazy" className="s-cover" />
              )}
              <span className="s-rel-a">{a.title}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
