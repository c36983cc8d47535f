import crypto from "node:crypto";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import { MEDIA_TYPES, mediaStorage } from "./storage";

export type StagedFile = { file: string; mime: string };
export type StoredFile = { key: string; mime: string; size: number; sha256: string; placed: boolean };

async function sha256Of(file: string): Promise<string> {
  const hash = crypto.createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/**
 * Puts every staged file at its content address ("ab/<sha256>.<ext>": the same bytes are stored
 * once, a URL never changes meaning and is cached forever). All or nothing: if one put fails,
 * the files this call placed are deleted again and every staging file is removed.
 */
export async function storeFiles(files: StagedFile[]): Promise<StoredFile[]> {
  const storage = mediaStorage();
  const stored: StoredFile[] = [];
  try {
    for (const { file, mime } of files) {
      const ext = MEDIA_TYPES[mime];
      if (!ext) throw new Error(`unsupported media type ${mime}`);
      const [sha256, { size }] = await Promise.all([sha256Of(file), fs.stat(file)]);
      const key = `${sha256.slice(0, 2)}/${sha256}.${ext}`;
      const { placed } = await storage.put(key, { file }, mime);
      stored.push({ key, mime, size, sha256, placed });
    }
    return stored;
  } catch (e) {
    await unstoreFiles(stored);
    throw e;
  } finally {
    await Promise.all(files.map((f) => fs.rm(f.file, { force: true })));
  }
}

/** Deletes what storeFiles placed (files that were there before belong to other rows: kept). */
export async function unstoreFiles(stored: StoredFile[]): Promise<void> {
  const storage = mediaStorage();
  await Promise.all(stored.filter((s) => s.placed).map((s) => storage.delete(s.key)));
}
