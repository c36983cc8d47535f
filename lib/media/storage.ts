import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/lib/db/client";

export const MEDIA_TYPES: Record<string, string> = {
  "image/webp": "webp",
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/svg+xml": "svg",
};

// resolved at run time from configuration: keep the bundler from tracing the whole project
export const uploadRoot = () => path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.UPLOAD_DIR ?? ".data/uploads");
export const mediaUrl = (storageKey: string) => `/media/${storageKey}`;

type SaveInput = { data: Buffer; mime: string; uploaderId?: string | null; alt?: string | null; width?: number; height?: number };

/**
 * Content-addressed storage: the file name is its sha256, so the same bytes are stored once,
 * URLs never change meaning and can be cached forever.
 */
export async function saveMedia(db: Pick<Db, "media">, input: SaveInput) {
  const ext = MEDIA_TYPES[input.mime];
  if (!ext) throw new Error(`unsupported media type ${input.mime}`);
  const sha256 = crypto.createHash("sha256").update(input.data).digest("hex");
  const storageKey = `${sha256.slice(0, 2)}/${sha256}.${ext}`;
  const file = path.join(uploadRoot(), storageKey);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, input.data, { flag: "w" });
  const media = await db.media.upsert({
    where: { sha256 },
    update: {},
    create: {
      sha256,
      storageKey,
      mime: input.mime,
      size: input.data.length,
      width: input.width ?? null,
      height: input.height ?? null,
      alt: input.alt ?? null,
      uploaderId: input.uploaderId ?? null,
    },
  });
  return { ...media, url: mediaUrl(media.storageKey) };
}
