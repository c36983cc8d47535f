import fs from "node:fs/promises";
import sharp, { type Sharp, type SharpOptions } from "sharp";
import type { SniffedImage } from "./sniff-image";
import { stageBytes } from "./storage";
import type { StagedFile } from "./store-files";

/** Widths of the WebP renditions (never wider than the picture itself). */
const RENDITION_WIDTHS = [480, 960, 1600] as const;
/** Decoded pixels (all frames of an animation) we accept: 40 megapixels. */
export const MAX_PIXELS = 40_000_000;
const WEBP_QUALITY = 80;

// Decoded images are not kept in libvips' operation cache: each upload is decoded a few times at
// most, and a cache of full-size pixels would grow the process with every upload.
sharp.cache(false);

export type Probe = { width: number; height: number; frames: number };
export type Encoded = StagedFile & { width: number; height: number };

/**
 * Options for every decode. limitInputPixels refuses a decompression bomb before pixels are
 * allocated; failOn "truncated" makes a cut-off file an error instead of a picture padded with grey.
 */
const options = (animated: boolean): SharpOptions => ({
  limitInputPixels: MAX_PIXELS,
  failOn: "truncated",
  animated,
});

/** Header facts (no pixels decoded): frame size and frame count. */
export async function probe(file: string): Promise<Probe> {
  const m = await sharp(file, { ...options(true), limitInputPixels: false }).metadata();
  const frames = m.pages ?? 1;
  return { width: m.width ?? 0, height: m.pageHeight ?? (m.height ?? 0) / frames, frames };
}

/** Widths to render: each standard width below the picture's, and the picture's own up to the largest. */
function renditionWidths(width: number): number[] {
  const below = RENDITION_WIDTHS.filter((w) => w < width);
  return width <= RENDITION_WIDTHS.at(-1)! ? [...below, width] : below;
}

/**
 * Encodes to memory, then stages the bytes: a full disk is then the file system's ENOSPC
 * (StorageFullError, 507), not a libvips message we would have to parse.
 */
async function encode(pipeline: Sharp, mime: StagedFile["mime"]): Promise<Encoded> {
  const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
  const file = await stageBytes(data);
  return { file, mime, width: info.width, height: info.pageHeight ?? info.height };
}

/**
 * The original, decoded and re-encoded in its own format (the fallback for browsers without WebP):
 * re-encoding drops EXIF (GPS, camera serials), ICC and XMP metadata and any bytes smuggled
 * after the image data; rotate() applies the EXIF orientation first. Animations keep their frames.
 */
export function encodeOriginal(file: string, type: SniffedImage, animated: boolean): Promise<Encoded> {
  const img = sharp(file, options(animated)).rotate();
  const out =
    type.mime === "image/jpeg"
      ? img.jpeg({ quality: 85, mozjpeg: true })
      : type.mime === "image/png"
        ? img.png()
        : type.mime === "image/gif"
          ? img.gif()
          : img.webp({ quality: 82 });
  return encode(out, type.mime);
}

/** WebP renditions at renditionWidths(width), animated when the source is. */
export async function encodeRenditions(file: string, width: number, animated: boolean): Promise<Encoded[]> {
  const out: Encoded[] = [];
  try {
    for (const w of renditionWidths(width)) {
      const img = sharp(file, options(animated)).rotate().resize({ width: w, withoutEnlargement: true });
      out.push(await encode(img.webp({ quality: WEBP_QUALITY, effort: 4 }), "image/webp"));
    }
    return out;
  } catch (e) {
    await Promise.all(out.map((o) => fs.rm(o.file, { force: true })));
    throw e;
  }
}
