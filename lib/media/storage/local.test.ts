import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { text } from "node:stream/consumers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { localStorage } from "./local";
import { StorageFullError } from "./types";

let dir: string;
beforeEach(async () => void (dir = await fs.mkdtemp(path.join(os.tmpdir(), "byline-local-"))));
afterEach(async () => {
  vi.restoreAllMocks();
  await fs.rm(dir, { recursive: true, force: true });
});

const key = `ab/${"a".repeat(64)}.webp`;
async function staged(content: string) {
  const file = path.join(dir, `staged-${Math.random()}`);
  await fs.writeFile(file, content);
  return { file };
}

describe("local media storage", () => {
  it("puts by renaming the staged file, then streams, heads and deletes by key", async () => {
    const s = localStorage(() => dir);
    const source = await staged("bytes");
    expect(await s.put(key, source, "image/webp")).toEqual({ placed: true });
    await expect(fs.access(source.file)).rejects.toThrow();
    expect(await s.head(key)).toEqual({ size: 5 });
    expect(await text((await s.stream(key))!)).toBe("bytes");
    expect(s.url(key)).toBe(`/media/${key}`);
    // the same key again: nothing placed, the staged copy is dropped
    const again = await staged("bytes");
    expect(await s.put(key, again, "image/webp")).toEqual({ placed: false });
    await expect(fs.access(again.file)).rejects.toThrow();
    await s.delete(key);
    expect(await s.head(key)).toBeNull();
    expect(await s.stream(key)).toBeNull();
  });

  it("refuses anything but a content address, so no path can escape the folder", async () => {
    const s = localStorage(() => dir);
    for (const bad of [
      "../etc/passwd",
      `ab/${"a".repeat(64)}.webp/..`,
      "/abs",
      `ab/${"g".repeat(64)}.webp`,
    ]) {
      expect(await s.head(bad)).toBeNull();
      expect(await s.stream(bad)).toBeNull();
      await expect(s.put(bad, await staged("x"), "image/webp")).rejects.toThrow(/invalid media key/);
    }
  });

  it("a full disk is StorageFullError, and the staged file is gone", async () => {
    const s = localStorage(() => dir);
    const source = await staged("bytes");
    vi.spyOn(fs, "rename").mockRejectedValueOnce(Object.assign(new Error("ENOSPC"), { code: "ENOSPC" }));
    await expect(s.put(key, source, "image/webp")).rejects.toBeInstanceOf(StorageFullError);
    await expect(fs.access(source.file)).rejects.toThrow();
    expect(await s.head(key)).toBeNull();
  });
});
