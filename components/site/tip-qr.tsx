import type { SiteSettings } from "@/lib/services/public/get-site-settings";

/**
 * 赞赏: the WeChat tip QR code from 站点设置 under an article, with its caption. Nothing when
 * unset. Lazy (it sits below the article) and sized by the upload's own dimensions, so the page
 * does not shift when it loads.
 */
export function TipQr({ tip }: { tip: SiteSettings["tip"] }) {
  if (!tip) return null;
  const caption = tip.caption || "觉得有用？微信扫码赞赏";
  return (
    <figure
      aria-label="赞赏"
      data-testid="tip-qr"
      className="mt-4 flex flex-col items-center gap-2 rounded bg-white p-4 text-center text-sm text-ink-600"
    >
      {/* eslint-disable-next-line @next/next/no-img-element -- our own /media file, already sized and re-encoded */}
      <img
        src={tip.url}
        width={tip.width}
        height={tip.height}
        alt="赞赏二维码（微信扫码）"
        loading="lazy"
        decoding="async"
        className="h-40 w-40 object-contain"
      />
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
