import type { Media } from "@/lib/generated/prisma/client";
import { parseVariants, webpSrcset } from "@/lib/media/variants";

/**
 * A media row as pages, the upload API and the picker see it. `url`, `width` and `height` are the
 * upload API's original answer (the editor relies on them); the rest was added with renditions.
 */
export type MediaDto = {
  id: string;
  url: string;
  width: number;
  height: number;
  mime: string;
  size: number;
  alt: string | null;
  decorative: boolean;
  animated: boolean;
  filename: string | null;
  createdAt: string;
  /** WebP renditions, narrowest first */
  variants: { width: number; height: number; url: string }[];
  /** ready for <source type="image/webp" srcset> and the figure node's srcset attribute */
  srcset: string;
};

export function toMediaDto(m: Media): MediaDto {
  const variants = parseVariants(m.variants);
  return {
    id: m.id,
    url: `/media/${m.storageKey}`,
    width: m.width ?? 0,
    height: m.height ?? 0,
    mime: m.mime,
    size: m.size,
    alt: m.alt,
    decorative: m.decorative,
    animated: m.animated,
    filename: m.filename,
    createdAt: m.createdAt.toISOString(),
    variants: variants
      .filter((v) => v.mime === "image/webp")
      .sort((a, b) => a.width - b.width)
      .map((v) => ({ width: v.width, height: v.height, url: `/media/${v.storageKey}` })),
    srcset: webpSrcset(variants),
  };
}
