import type { Readable } from "node:stream";

/** "ab/<sha256>.<ext>": anything else (.., absolute paths, other names) is no key of ours. */
export const MEDIA_KEY = /^[0-9a-f]{2}\/[0-9a-f]{64}\.[a-z]{3,4}$/;

/**
 * Where media files live. Keys are content addresses ("ab/<sha256>.<ext>"), so a key's bytes never
 * change: a driver may cache or serve them forever. Nothing outside a driver sees a file system
 * path, so an S3-compatible driver (issue 15) implements the same five calls.
 */
export type MediaStorage = {
  /**
   * Stores a whole file under `key`, atomically (a reader sees no file or the whole file). `source`
   * is a local staging file (lib/media/staging.ts), consumed: it is gone afterwards. Returns
   * false when the key already held these bytes (the caller did not place it and must not
   * delete it on a later failure). A full disk or quota is StorageFullError.
   */
  put(key: string, source: { file: string }, mime: string): Promise<{ placed: boolean }>;
  /** The bytes as a stream, or null when there is no such key. */
  stream(key: string): Promise<Readable | null>;
  head(key: string): Promise<{ size: number } | null>;
  /** Removes the key; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** The public address of the key (same origin: the CSP's img-src 'self'). */
  url(key: string): string;
};

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
