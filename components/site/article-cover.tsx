import type { ArticleCard } from "@/lib/services/public/article-card";

/**
 * A list cover. Articles without one get a decorative tile with the category name, so rows keep
 * their rhythm; it is aria-hidden because the title next to it says everything.
 */
export function ArticleCover({
  article,
  className = "",
  eager = false,
}: {
  article: ArticleCard;
  className?: string;
  eager?: boolean;
}) {
  if (!article.coverUrl) {
    return (
      <span
        aria-hidden="true"
        className={`flex items-center justify-center bg-gradient-to-br from-brand-600 to-brand-700 text-lg font-semibold text-white/90 ${className}`}
      >
        {article.category.name}
      </span>
    );
  }
  return (
    // eslint-disable-next-line @next/next/no-img-element -- covers come from our media route, already resized
    <img
      src={article.coverUrl}
      alt={article.coverAlt ?? ""}
      width={640}
      height={360}
      loading={eager ? "eager" : "lazy"}
      decoding="async"
      className={`object-cover ${className}`}
    />
  );
}
