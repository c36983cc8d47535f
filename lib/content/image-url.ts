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
