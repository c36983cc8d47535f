type Props = { url: string | null; alt: string | null; caption: string | null; title: string };

/** The cover with its alt text and, when there is one, a visible caption. */
export function ArticleCover({ url, alt, caption, title }: Props) {
  if (!url) return null;
  return (
    <figure className="mt-6">
      {/* eslint-disable-next-line @next/next/no-img-element -- media are served pre-sized from /media; no optimiser */}
      <img
        src={url}
        alt={alt?.trim() || title}
        width={1200}
        height={630}
        fetchPriority="high"
        className="aspect-[1200/630] w-full rounded object-cover"
      />
      {caption && <figcaption className="mt-2 text-center text-sm text-ink-600">{caption}</figcaption>}
    </figure>
  );
}
