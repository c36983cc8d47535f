import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createActor } from "@/lib/services/articles/test-helpers";
import { uploadImage } from "./upload-image";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "byline-upload-"));
  process.env.UPLOAD_DIR = dir;
});

/** The route streams uploads to a temporary file; the service reads from there. */
async function fileOf(data: Buffer | Promise<Buffer>): Promise<string> {
  const file = path.join(dir, `in-${Math.random().toString(36).slice(2)}`);
  await fs.writeFile(file, await data);
  return file;
}

const png = (w: number, h: number) =>
  sharp({ create: { width: w, height: h, channels: 3, background: "#1f58bf" } })
    .png()
    .toBuffer();

describe("uploadImage", () => {
  it("re-encodes to WebP without metadata and records the media row", async () => {
    const translator = await createActor("TRANSLATOR");
    const jpeg = await sharp({ create: { width: 64, height: 32, channels: 3, background: "#ff0000" } })
      .jpeg()
      .withExif({ IFD0: { Copyright: "secret-camera-owner" } })
      .toBuffer();
    const r = await uploadImage(translator, { file: await fileOf(jpeg), alt: "红色方块" });
    expect(r).toMatchObject({
      width: 64,
      height: 32,
      url: expect.stringMatching(/^\/media\/[0-9a-f]{2}\/[0-9a-f]{64}\.webp$/),
    });
    const stored = await fs.readFile(path.join(dir, r.url.replace("/media/", "")));
    const meta = await sharp(stored).metadata();
    expect(meta.format).toBe("webp");
    expect(meta.exif).toBeUndefined();
    expect(stored.includes(Buffer.from("secret-camera-owner"))).toBe(false);
    const media = await db.media.findFirstOrThrow({ where: { storageKey: r.url.replace("/media/", "") } });
    expect(media).toMatchObject({ mime: "image/webp", uploaderId: translator.id, size: stored.length });
    // stored through a temporary file that is gone now
    expect(await fs.readdir(path.join(dir, ".tmp"))).toEqual([]);
  });

  it("refuses readers, non-images, SVG, oversized dimensions and corrupt files", async () => {
    const reader = await createActor("READER");
    const editor = await createActor("EDITOR");
    await expect(uploadImage(reader, { file: await fileOf(png(4, 4)) })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      uploadImage(editor, { file: await fileOf(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>")) }),
    ).rejects.toMatchObject({ code: "INVALID" });
    await expect(
      uploadImage(editor, { file: await fileOf(Buffer.from("GIF89a not really")) }),
    ).rejects.toMatchObject({ code: "INVALID" });
    await expect(uploadImage(editor, { file: await fileOf(png(8001, 10)) })).rejects.toMatchObject({
      code: "INVALID",
      message: expect.stringContaining("8000"),
    });
    await expect(
      uploadImage(editor, { file: await fileOf(Buffer.alloc(10 * 1024 * 1024 + 1)) }),
    ).rejects.toMatchObject({ code: "INVALID" });
    await expect(uploadImage(editor, { file: await fileOf(Buffer.alloc(0)) })).rejects.toMatchObject({
      code: "INVALID",
    });
  });
});
