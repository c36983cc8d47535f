import { DEFAULT_SITE_NAME } from "@/lib/services/settings/keys";

/** The signature stroke on a blue tile, alone (a renamed site without an uploaded logo) or in the wordmark. */
function Mark() {
  return (
    <>
      <rect width="36" height="36" rx="8" fill="#1f58bf" />
      <path
        d="M7 24c3-9 6-13 8-11s-2 9 1 9 4-8 7-8-1 7 2 7 4-3 5-5"
        fill="none"
        stroke="#fff"
        strokeWidth="2.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
      <path d="M8 29h20" stroke="#9fc0ff" strokeWidth="2" strokeLinecap="round" />
    </>
  );
}

/**
 * Our wordmark: the mark, then 署名 and Byline. Inline SVG so it needs no request and scales
 * crisply; the text inherits the page's CJK font.
 */
function Wordmark({ className }: { className?: string }) {
  return (
    <svg
      viewBox="0 0 172 36"
      role="img"
      aria-label={DEFAULT_SITE_NAME}
      className={className}
      xmlns="http://www.w3.org/2000/svg"
    >
      <Mark />
      <text x="46" y="25" fontSize="21" fontWeight="700" fill="#1c2330" letterSpacing="1">
        署名
      </text>
      <text
        x="95"
        y="25"
        fontSize="19"
        fontWeight="600"
        fill="#1f58bf"
        fontFamily="Georgia, 'Times New Roman', serif"
        fontStyle="italic"
      >
        Byline
      </text>
    </svg>
  );
}

export type SiteBrand = { name: string; logo: { url: string; width: number; height: number } | null };

/**
 * The site's logo from 站点设置: the uploaded image (sized by its own width/height, so nothing
 * shifts when it loads; alt = the site name), else the built-in wordmark for the default name,
 * else the mark with the configured name as text. `height` is a Tailwind height class.
 */
export function SiteLogo({ brand, height }: { brand: SiteBrand; height: "h-7" | "h-8" }) {
  if (brand.logo) {
    return (
      // eslint-disable-next-line @next/next/no-img-element -- our own /media file, already sized and re-encoded
      <img
        src={brand.logo.url}
        width={brand.logo.width}
        height={brand.logo.height}
        alt={brand.name}
        decoding="async"
        className={`${height} w-auto max-w-[12rem] object-contain`}
      />
    );
  }
  if (brand.name === DEFAULT_SITE_NAME) return <Wordmark className={`${height} w-auto`} />;
  return (
    <span className="inline-flex items-center gap-2">
      <svg
        viewBox="0 0 36 36"
        aria-hidden="true"
        className={`${height} w-auto`}
        xmlns="http://www.w3.org/2000/svg"
      >
        <Mark />
      </svg>
      <span className="max-w-[14rem] truncate text-lg font-bold text-ink-900">{brand.name}</span>
    </span>
  );
}
