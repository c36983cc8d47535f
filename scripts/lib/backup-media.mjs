// @ts-check
// The media store as db:backup and db:restore see it: the configured driver of lib/media/storage
// (MEDIA_STORAGE=local under UPLOAD_DIR, or s3), loaded through tsx, so a backup reads and a
// restore writes exactly where the app does, whichever backend that is.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { tsImport } from "tsx/esm/api";
import { BackupError, MEDIA_KEY, keyDigest } from "./backup-manifest.mjs";

/**
 * @typedef {{
 *   put(key: string, source: { file: string }, mime: string): Promise<{ placed: boolean }>,
 *   stream(key: string): Promise<NodeJS.ReadableStream | null>,
 *   delete(key: string): Promise<void>,
 * }} Store
 */

export async function openStore() {
  const storage = await tsImport("../../lib/media/storage/index.ts", import.meta.url);
  /** @type {Record<string, string>} */
  const types = storage.MEDIA_TYPES;
  const mimeOf = new Map(Object.entries(types).map(([mime, ext]) => [ext, mime]));
  return {
    kind: process.env.MEDIA_STORAGE ?? "local",
    /** @type {Store} */
    store: storage.mediaStorage(),
    /** @type {() => Promise<string>} */
    stagingPath: storage.stagingPath,
    mimeOf: (/** @type {string} */ key) => mimeOf.get(key.split(".").pop() ?? "") ?? "",
  };
}

/**
 * Streams `from` into `file`, hashing on the way: { size, sha256 }.
 * @param {NodeJS.ReadableStream} from
 * @param {string} file
 */
async function copyHashing(from, file) {
  const hash = crypto.createHash("sha256");
  let size = 0;
  await pipeline(
    from,
    async function* (source) {
      for await (const chunk of source) {
        hash.update(chunk);
        size += chunk.length;
        yield chunk;
      }
    },
    fs.createWriteStream(file, { flags: "wx" }),
  );
  return { size, sha256: hash.digest("hex") };
}

/** SHA-256 and size of a file on disk. @param {string} file */
export async function hashFile(file) {
  const hash = crypto.createHash("sha256");
  let size = 0;
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { size, sha256: hash.digest("hex") };
}

/**
 * Copies the store's bytes of `key` into `file`. Null (and no file) when the store does not hold
 * the key or its bytes do not hash to it: such a file is reported, not backed up.
 * @param {Store} store
 * @param {string} key
 * @param {string} file
 */
export async function readMedia(store, key, file) {
  const source = await store.stream(key);
  if (!source) return null;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const got = await copyHashing(source, file);
  if (got.sha256 !== keyDigest(key)) {
    fs.rmSync(file, { force: true });
    return null;
  }
  return got;
}

/**
 * Every regular file under a backup's media/ folder by key, hashed. Anything that is not a file
 * named by a key (a symlink, a stray name) is refused.
 * @param {string} dir
 */
export async function listBackupMedia(dir) {
  /** @type {Map<string, { size: number, sha256: string }>} */
  const found = new Map();
  if (!fs.existsSync(dir)) return found;
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isDirectory()) continue;
    const key = path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/");
    if (!e.isFile() || !MEDIA_KEY.test(key))
      throw new BackupError(`备份的 media/ 中有不属于备份的条目：media/${key}`);
    found.set(key, await hashFile(path.join(dir, key)));
  }
  return found;
}

/**
 * Puts the backup's files into the store; returns the keys it placed (not those the store already
 * held), so that a failed restore can take exactly those out again.
 * @param {Awaited<ReturnType<typeof openStore>>} media
 * @param {string} dir
 * @param {string[]} keys
 */
export async function placeMedia(media, dir, keys) {
  /** @type {string[]} */
  const placed = [];
  try {
    for (const key of keys) {
      const staged = await media.stagingPath();
      await fs.promises.copyFile(path.join(dir, key), staged).catch(async (e) => {
        await fs.promises.rm(staged, { force: true });
        throw e;
      });
      const r = await media.store.put(key, { file: staged }, media.mimeOf(key));
      if (r.placed) placed.push(key);
    }
  } catch (e) {
    await removeMedia(media.store, placed);
    throw e;
  }
  return placed;
}

/** @param {Store} store @param {string[]} keys */
export async function removeMedia(store, keys) {
  for (const key of keys) await store.delete(key).catch(() => {});
}
