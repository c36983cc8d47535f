import { DEFAULT_SITE_NAME } from "@/lib/services/settings/keys";
import { Mark, Wordmark } from "./wordmark";

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
  // a client component: the payload refers to it (components/site/wordmark.tsx)
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
