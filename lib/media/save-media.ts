import type { Db } from "@/lib/db/client";
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
