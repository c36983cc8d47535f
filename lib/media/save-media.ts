import type { Db } from "@/lib/db/client";
import type { Encoded } from "./renditions";
import { stageBytes } from "./storage";
import { storeFiles, unstoreFiles } from "./store-files";

type MediaMeta = {
  mime: string;
  uploaderId?: string | null;
  alt?: string | null;
  width?: number;
  height?: number;
};

/**
 * Stores bytes in memory (seed pictures, 256 px avatars) as one media row without renditions:
 * the file first, then the row; if the row cannot be written, a file this call placed is
 * removed again.
 */
export async function saveMedia(db: Pick<Db, "media">, input: MediaMeta & { data: Buffer }) {
  const [file] = await storeFiles([{ file: await stageBytes(input.data), mime: input.mime }]);
  try {
    const media = await db.media.upsert({
      where: { sha256: file!.sha256 },
      update: {},
      create: {
        sha256: file!.sha256,
        storageKey: file!.key,
        mime: input.mime,
        size: file!.size,
        width: input.width ?? null,
        height: input.height ?? null,
        alt: input.alt ?? null,
        uploaderId: input.uploaderId ?? null,
      },
    });
    return { ...media, url: `/media/${media.storageKey}` };
  } catch (e) {
    await unstoreFiles([file!]);
    throw e;
  }
}

/** An encoded picture (lib/media/renditions.ts) and what its row records besides the files. */
export type EncodedImage = {
  original: Encoded;
  renditions: Encoded[];
  animated: boolean;
  alt: string | null;
  decorative: boolean;
  filename: string | null;
  uploaderId: string | null;
};

/**
 * Stores an encoded picture as one media row: every file first (the original, the fallback, and
 * its WebP renditions, listed in Media.variants), then the row; if the row cannot be written,
 * the files this call placed are removed again. Uploads and the demo seed both come through here.
 */
export async function saveImage(db: Pick<Db, "media">, image: EncodedImage) {
  const { original, renditions } = image;
  const stored = await storeFiles([original, ...renditions]);
  const [main, ...rest] = stored;
  const variants = rest.map((s, i) => ({
    width: renditions[i]!.width,
    height: renditions[i]!.height,
    mime: s.mime,
    storageKey: s.key,
    size: s.size,
  }));
  try {
    return await db.media.upsert({
      where: { sha256: main!.sha256 },
      update: {},
      create: {
        sha256: main!.sha256,
        storageKey: main!.key,
        mime: main!.mime,
        size: main!.size,
        width: original.width,
        height: original.height,
        alt: image.decorative ? null : image.alt,
        decorative: image.decorative,
        animated: image.animated,
        variants,
        filename: image.filename?.trim().slice(0, 255) || null,
        uploaderId: image.uploaderId,
      },
    });
  } catch (e) {
    await unstoreFiles(stored);
    throw e;
  }
}
