import fs from "node:fs/promises";
import sharp from "sharp";
import type { Db } from "@/lib/db/client";
import { encodeOriginal, encodeRenditions } from "@/lib/media/renditions";
import { saveImage, saveMedia } from "@/lib/media/save-media";
import { stageBytes } from "@/lib/media/storage";
import { toMediaDto } from "@/lib/services/media/media-dto";

const WEBP = { mime: "image/webp", ext: "webp" } as const;

/**
 * A demo picture stored as an editor's upload is (lib/services/media/upload-image.ts): a WebP
 * original and its WebP renditions, so covers and figures carry a srcset as real ones do.
 */
export async function savePicture(db: Pick<Db, "media">, svg: string, alt: string) {
  // drawn once to a lossless PNG (fast, light compression), then encoded as an upload is
  const file = await stageBytes(await sharp(Buffer.from(svg)).png({ compressionLevel: 1 }).toBuffer());
  try {
    const original = await encodeOriginal(file, WEBP, false);
    const renditions = await encodeRenditions(file, original.width, false).catch(async (e) => {
      await fs.rm(original.file, { force: true });
      throw e;
    });
    const media = await saveImage(db, {
      original,
      renditions,
      animated: false,
      alt,
      decorative: false,
      filename: null,
      uploaderId: null,
    });
    // url, width, height and srcset as the upload API answers them
    return toMediaDto(media);
  } finally {
    await fs.rm(file, { force: true });
  }
}

/** A demo avatar stored as a profile's is (lib/services/profile/update-profile.ts): 256 px WebP. */
export async function saveAvatar(db: Pick<Db, "media">, svg: string) {
  const data = await sharp(Buffer.from(svg)).webp({ quality: 85 }).toBuffer();
  return saveMedia(db, { data, mime: "image/webp", alt: null, width: 256, height: 256 });
}

/**
 * fn over items, at most `limit` at a time (sharp encodes off the main thread), results in order.
 * After a failure no further item starts; the first error is thrown.
 */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (next < items.length && !failed) {
      const i = next++;
      try {
        out[i] = await fn(items[i]!);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
