import type { ArticleCard } from "@/lib/services/public/article-card";

/**
 * A list cover. Articles without one get a decorative tile with the category name, so rows keep
 * their rhythm; it is aria-hidden because the title next to it says everything. `sizes` is the
 * width the cover takes in a wide place: the browser picks the narrowest WebP rendition that
 * fills it. Without `sizes` the place is a thumbnail (at most 15rem): its narrowest rendition,
 * with no srcset to write twice into the page (HTML and flight data). Either way a phone never
 * loads the full-size upload.
 */
export function ArticleCover({
  article,
  sizes,
  className = "",
  eager = false,
}: {
  article: ArticleCard;
  sizes?: string;
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
  const img = (
    // eslint-disable-next-line @next/next/no-img-element -- covers come from our media route, already resized
    <img
      src={sizes ? article.coverUrl : (article.coverThumb ?? article.coverUrl)}
      alt={article.coverAlt ?? ""}
      width={640}
      height={360}
      loading={eager ? "eager" : "lazy"}
      decoding="async"
      className={`object-cover ${className}`}
    />
  );
  if (!sizes || !article.coverSrcset) return img;
  // as body figures are (lib/content/figure.ts): WebP renditions, the original as the fallback;
  // display: contents leaves the img's box where it was
  return (
    <picture className="contents">
      <source type="image/webp" srcSet={article.coverSrcset} sizes={sizes} />
      {img}
    </picture>
  );
}
