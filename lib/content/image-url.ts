/**
 * Which image addresses an article may store (cover and body figures). The CSP allows images from
 * our own origin only (img-src 'self' data: blob:, lib/security/headers.ts): an external URL would
 * pass validation and then never load. data: and blob: are for the staff UI's previews, never
 * stored. So a stored image is a file uploaded here: /media/<2 hex>/<sha256>.<ext>, the exact
 * shape app/media serves. Client-safe (the editor's dialogs use it too).
 */
export const MEDIA_EXTENSIONS = ["webp", "png", "jpg", "gif", "svg"] as const;

const MEDIA_PATH = new RegExp(`^/media/[0-9a-f]{2}/[0-9a-f]{64}\\.(${MEDIA_EXTENSIONS.join("|")})$`);

export const isOwnImageUrl = (s: string) => MEDIA_PATH.test(s);

export const IMAGE_URL_MESSAGE = "图片须先上传到本站：外部图片地址会被本站的安全策略拦截，无法显示。";

/** The one `sizes` of article figures: the column is 720 px wide, the full viewport on phones. */
export const FIGURE_SIZES = "(max-width: 768px) 100vw, 720px";

const SRCSET_ENTRY = /^\/media\/[0-9a-f]{2}\/[0-9a-f]{64}\.webp [1-9][0-9]{0,3}w$/;
/** Renditions an image may list: at most this many (we make three, plus the full width). */
const MAX_SRCSET_ENTRIES = 6;

/**
 * A figure's `srcset`: our own WebP renditions only ("/media/…webp 480w, /media/…webp 960w"),
 * exactly as the upload API's `srcset` answer writes them.
 */
export const isOwnSrcset = (s: string) => {
  const entries = s.split(", ");
  return entries.length <= MAX_SRCSET_ENTRIES && entries.every((e) => SRCSET_ENTRY.test(e));
};
