import crypto from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { saveMedia } from "./save-media";
import { StorageFullError } from "./storage";

// The database is a stand-in here (the row is Prisma's business); what is tested is the files.
type Row = { sha256: string; storageKey: string };
const fakeDb = (upsert: (args: { create: Row }) => Promise<Row>) => ({ media: { upsert } }) as never;
const okDb = fakeDb(async ({ create }) => create);

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "byline-storage-"));
  process.env.UPLOAD_DIR = dir;
});
afterEach(async () => {
  vi.restoreAllMocks();
  await fs.rm(dir, { recursive: true, force: true });
});

async function filesUnder(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

describe("saveMedia", () => {
  it("stores the bytes at their content address, through a temporary file that is gone afterwards", async () => {
    const data = Buffer.from("webp bytes, as far as this test cares");
    const sha = crypto.createHash("sha256").update(data).digest("hex");
    const media = await saveMedia(okDb, { data, mime: "image/webp" });
    expect(media.url).toBe(`/media/${sha.slice(0, 2)}/${sha}.webp`);
    expect(await filesUnder(dir)).toEqual([`${sha.slice(0, 2)}/${sha}.webp`]);
    expect(await fs.readFile(path.join(dir, sha.slice(0, 2), `${sha}.webp`))).toEqual(data);
  });

  it("on a full disk throws StorageFullError and leaves no file behind", async () => {
    const enospc = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    // the write fails half-way: a partial temporary file exists when the error comes
    vi.spyOn(fs, "writeFile").mockImplementation(async (file) => {
      await fs.appendFile(file as string, "half a fi");
      throw enospc;
    });
    const upsert = vi.fn();
    await expect(
      saveMedia(fakeDb(upsert), { data: Buffer.alloc(1000, 1), mime: "image/webp" }),
    ).rejects.toBeInstanceOf(StorageFullError);
    expect(upsert).not.toHaveBeenCalled();
    expect(await filesUnder(dir)).toEqual([]);
  });

  it("removes the file it placed when the row cannot be written", async () => {
    const failing = fakeDb(async () => {
      throw new Error("database down");
    });
    await expect(saveMedia(failing, { data: Buffer.from("x"), mime: "image/png" })).rejects.toThrow(
      "database down",
    );
    expect(await filesUnder(dir)).toEqual([]);
  });

  it("keeps a file another row already points to when this row fails", async () => {
    const data = Buffer.from("shared bytes");
    await saveMedia(okDb, { data, mime: "image/png" });
    const failing = fakeDb(async () => {
      throw new Error("database down");
    });
    await expect(saveMedia(failing, { data, mime: "image/png" })).rejects.toThrow();
    expect(await filesUnder(dir)).toHaveLength(1);
  });
});
