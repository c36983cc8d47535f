type Props = {
  url: string | null;
  srcset: string;
  alt: string | null;
  caption: string | null;
  title: string;
};

/**
 * The article column's width less its padding: 712 px at most (the 72rem page less the side
 * column), the rest of the window beside the side column from lg, the window less the padding below.
 */
const COVER_SIZES =
  "(min-width: 1152px) 712px, (min-width: 1024px) calc(100vw - 440px), (min-width: 640px) calc(100vw - 6rem), calc(100vw - 3.5rem)";

/**
 * The cover with its alt text and, when there is one, a visible caption. With WebP renditions
 * (as body figures have, lib/content/figure.ts) the browser picks the narrowest that fills the
 * column; the original is the fallback.
 */
export function ArticleCover({ url, srcset, alt, caption, title }: Props) {
  if (!url) return null;
  return (
    <figure className="mt-6">
      <picture>
        {srcset && <source type="image/webp" srcSet={srcset} sizes={COVER_SIZES} />}
        <img
          src={url}
          alt={alt?.trim() || title}
          width={1200}
          height={630}
          fetchPriority="high"
          className="aspect-[1200/630] w-full rounded object-cover"
        />
      </picture>
      {caption && <figcaption className="mt-2 text-center text-sm text-ink-600">{caption}</figcaption>}
    </figure>
  );
}
