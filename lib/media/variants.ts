import { z } from "zod";
import { MEDIA_KEY } from "./storage/types";

/** One stored rendition (Media.variants). */
export type MediaVariant = { width: number; height: number; mime: string; storageKey: string; size: number };

const variantSchema = z.object({
  width: z.number().int().positive(),
  height: z.number().int().positive().optional(),
  mime: z.string(),
  storageKey: z.string(),
  size: z.number().int().nonnegative(),
});

/** Media.variants as stored (JSON): anything malformed counts as no rendition rather than an error. */
export function parseVariants(value: unknown): MediaVariant[] {
  const r = z.array(variantSchema).safeParse(value);
  return r.success ? r.data.map((v) => ({ ...v, height: v.height ?? 0 })) : [];
}

/**
 * The `srcset` value of the WebP renditions, narrowest first ("" when there are none). A key that
 * is not one of ours (a site import's JSON is not trusted to be) is left out: covers reach the
 * page without the sanitiser that checks a body figure's srcset.
 */
export const webpSrcset = (variants: MediaVariant[]) =>
  ownWebp(variants)
    .map((v) => `/media/${v.storageKey} ${v.width}w`)
    .join(", ");

/** The URL of the narrowest WebP rendition (null without one): a thumbnail's whole need. */
export function narrowestWebp(variants: MediaVariant[]): string | null {
  const v = ownWebp(variants)[0];
  return v ? `/media/${v.storageKey}` : null;
}

const ownWebp = (variants: MediaVariant[]) =>
  variants
    .filter((v) => v.mime === "image/webp" && v.storageKey.endsWith(".webp") && MEDIA_KEY.test(v.storageKey))
    .sort((a, b) => a.width - b.width);

/** The storage key of one of our media URLs ("/media/<key>"); null for any other URL. */
export function mediaKeyOf(url: string | null): string | null {
  const key = url?.startsWith("/media/") ? url.slice("/media/".length) : null;
  return key && MEDIA_KEY.test(key) ? key : null;
}
