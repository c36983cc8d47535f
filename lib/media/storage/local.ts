import fs from "node:fs/promises";
import path from "node:path";
import { MEDIA_KEY as KEY, storageError, type MediaStorage } from "./types";

const exists = (file: string) =>
  fs.access(file).then(
    () => true,
    () => false,
  );

/**
 * Files under one folder (UPLOAD_DIR), named by key. `put` renames the staging file into place:
 * staging lives in the same folder's `.tmp/` (same file system), so the rename is atomic and a
 * key only ever names a whole file.
 */
export function localStorage(root: () => string): MediaStorage {
  const fileOf = (key: string) => {
    if (!KEY.test(key)) throw new Error(`invalid media key ${JSON.stringify(key)}`);
    return path.join(root(), key);
  };
  return {
    async put(key, source) {
      const file = fileOf(key);
      try {
        if (await exists(file)) {
          await fs.rm(source.file, { force: true });
          return { placed: false };
        }
        await fs.mkdir(path.dirname(file), { recursive: true });
        await fs.rename(source.file, file);
        return { placed: true };
      } catch (e) {
        await fs.rm(source.file, { force: true });
        throw storageError(e);
      }
    },
    async stream(key) {
      if (!KEY.test(key)) return null;
      const file = fileOf(key);
      try {
        // opened first: a missing key is null here, not an error event on the stream later
        return (await fs.open(file, "r")).createReadStream();
      } catch {
        return null;
      }
    },
    async head(key) {
      if (!KEY.test(key)) return null;
      const stat = await fs.stat(fileOf(key)).catch(() => null);
      return stat?.isFile() ? { size: stat.size } : null;
    },
    async delete(key) {
      await fs.rm(fileOf(key), { force: true });
    },
    url: (key) => `/media/${key}`,
  };
}
