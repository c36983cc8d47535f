import crypto from "node:crypto";
import { createReadStream } from "node:fs";
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
export const uploadRoot = () =>
  path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.UPLOAD_DIR ?? ".data/uploads");
const mediaUrl = (storageKey: string) => `/media/${storageKey}`;

/** The disk (or the quota) is full: the upload is refused as such (507), with nothing left behind. */
export class StorageFullError extends Error {
  constructor(cause?: unknown) {
    super("upload storage is full", { cause });
    this.name = "StorageFullError";
  }
}

const isDiskFull = (e: unknown) => ["ENOSPC", "EDQUOT"].includes((e as NodeJS.ErrnoException)?.code ?? "");
/** Disk-full errors become StorageFullError; anything else passes unchanged. */
export const storageError = (e: unknown) => (isDiskFull(e) ? new StorageFullError(e) : e);

/**
 * A fresh temporary path inside the upload folder (`.tmp/`, on the same file system as the
 * final files, so a rename is atomic; /media never serves it).
 */
export async function tempUploadPath(): Promise<string> {
  const dir = path.join(uploadRoot(), ".tmp");
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (e) {
    throw storageError(e);
  }
  return path.join(dir, `${crypto.randomUUID()}.part`);
}

async function sha256Of(file: string): Promise<string> {
  const hash = crypto.createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

const exists = (file: string) =>
  fs.access(file).then(
    () => true,
    () => false,
  );

type MediaMeta = {
  mime: string;
  uploaderId?: string | null;
  alt?: string | null;
  width?: number;
  height?: number;
};

/**
 * Stores a complete, verified file written to `tempUploadPath()`: it is renamed into its
 * content-addressed place (the name is its sha256, so the same bytes are stored once, URLs never
 * change meaning and can be cached forever), then the row is written. The final path only ever
 * holds a whole file; if the row cannot be written, a file this call placed is removed again.
 * The temporary file is gone afterwards, whatever happened.
 */
async function saveMediaFile(db: Pick<Db, "media">, tmp: string, meta: MediaMeta) {
  try {
    const ext = MEDIA_TYPES[meta.mime];
    if (!ext) throw new Error(`unsupported media type ${meta.mime}`);
    const [sha256, { size }] = await Promise.all([sha256Of(tmp), fs.stat(tmp)]);
    const storageKey = `${sha256.slice(0, 2)}/${sha256}.${ext}`;
    const file = path.join(uploadRoot(), storageKey);
    const placed = !(await exists(file));
    try {
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.rename(tmp, file);
    } catch (e) {
      throw storageError(e);
    }
    try {
      const media = await db.media.upsert({
        where: { sha256 },
        update: {},
        create: {
          sha256,
          storageKey,
          mime: meta.mime,
          size,
          width: meta.width ?? null,
          height: meta.height ?? null,
          alt: meta.alt ?? null,
          uploaderId: meta.uploaderId ?? null,
        },
      });
      return { ...media, url: mediaUrl(media.storageKey) };
    } catch (e) {
      if (placed) await fs.rm(file, { force: true });
      throw e;
    }
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

/** The same for bytes in memory (seed pictures, 256 px avatars): written to a temporary file first. */
export async function saveMedia(db: Pick<Db, "media">, input: MediaMeta & { data: Buffer }) {
  const tmp = await tempUploadPath();
  try {
    // fsync: the rename must never publish a name whose bytes are still only in the page cache
    await fs.writeFile(tmp, input.data, { flag: "wx", flush: true });
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw storageError(e);
  }
  return saveMediaFile(db, tmp, input);
}
