import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { localStorage } from "./local";
import { s3ConfigFromEnv, s3Storage } from "./s3";
import { storageError, type MediaStorage } from "./types";

export { StorageFullError, storageError, type MediaStorage } from "./types";

/**
 * The formats we store, by MIME type, with the extension their keys end in. SVG only ever comes
 * from the seed's generated pictures: uploads refuse it (lib/media/sniff-image.ts).
 */
export const MEDIA_TYPES: Record<string, string> = {
  "image/webp": "webp",
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/svg+xml": "svg",
};

// resolved at run time from configuration: keep the bundler from tracing the whole project
const uploadRoot = () =>
  path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.UPLOAD_DIR ?? ".data/uploads");

let driver: { kind: string; storage: MediaStorage } | undefined;

/**
 * The configured driver: MEDIA_STORAGE=local (the default) keeps files under UPLOAD_DIR;
 * MEDIA_STORAGE=s3 puts them in an S3-compatible bucket (S3_BUCKET, S3_ENDPOINT, S3_REGION,
 * S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_PREFIX; lib/media/storage/s3.ts), shared by every
 * app instance. Nothing else names a driver.
 */
export function mediaStorage(): MediaStorage {
  const kind = process.env.MEDIA_STORAGE ?? "local";
  if (driver?.kind === kind) return driver.storage;
  if (kind === "local") driver = { kind, storage: localStorage(uploadRoot) };
  else if (kind === "s3") driver = { kind, storage: s3Storage(s3ConfigFromEnv(process.env)) };
  else throw new Error(`MEDIA_STORAGE=${kind} is not supported ("local" or "s3")`);
  return driver.storage;
}

/**
 * A fresh staging path for a file on its way in (an upload streaming in, a rendition being
 * encoded). It lives in UPLOAD_DIR/.tmp/: the same file system as the local driver's files, so
 * its put is a rename; /media never serves it. The caller removes it or hands it to put().
 */
export async function stagingPath(): Promise<string> {
  const dir = path.join(uploadRoot(), ".tmp");
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (e) {
    throw storageError(e);
  }
  return path.join(dir, `${crypto.randomUUID()}.part`);
}

/** Bytes in memory to a staging file, flushed (a put must never publish a name whose bytes are only in the page cache). */
export async function stageBytes(data: Buffer): Promise<string> {
  const tmp = await stagingPath();
  try {
    await fs.writeFile(tmp, data, { flag: "wx", flush: true });
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw storageError(e);
  }
  return tmp;
}
