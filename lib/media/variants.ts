import { z } from "zod";

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

/** The `srcset` value of the WebP renditions, narrowest first ("" when there are none). */
export const webpSrcset = (variants: MediaVariant[]) =>
  variants
    .filter((v) => v.mime === "image/webp")
    .sort((a, b) => a.width - b.width)
    .map((v) => `/media/${v.storageKey} ${v.width}w`)
    .join(", ");
