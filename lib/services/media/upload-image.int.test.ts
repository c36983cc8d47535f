import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import sharp from "sharp";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createActor } from "@/lib/services/articles/test-helpers";
import { UPLOAD_MESSAGES, uploadImage } from "./upload-image";

let dir: string;
let inputs: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "byline-upload-"));
  inputs = await fs.mkdtemp(path.join(os.tmpdir(), "byline-upload-in-"));
  process.env.UPLOAD_DIR = dir;
});
beforeEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir);
});

/** The route streams uploads to a temporary file; the service reads from there. */
async function fileOf(data: Buffer | string | Promise<Buffer>, name = "upload.png"): Promise<string> {
  const file = path.join(inputs, `${Math.random().toString(36).slice(2)}-${name}`);
  await fs.writeFile(file, await data);
  return file;
}
async function filesUnder(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}
/** A valid PNG header claiming w×h with a few bytes of pixel data: the 20,000×20,000 case without 1 GB of pixels. */
function pngHeaderOnly(w: number, h: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(Buffer.alloc(64))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
const solid = (w: number, h: number) =>
  sharp({ create: { width: w, height: h, channels: 3, background: "#1f58bf" } });
const noise = (w: number, h: number) =>
  sharp({
    create: {
      width: w,
      height: h,
      channels: 3,
      background: "#000",
      noise: { type: "gaussian", mean: 128, sigma: 40 },
    },
  });

describe("uploadImage refuses, with a zh-CN message, and stores nothing", () => {
  const cases: [string, () => Promise<string>, string][] = [
    [
      "an HTML page renamed .png",
      () => fileOf("<!doctype html><script>alert(1)</script>", "x.png"),
      UPLOAD_MESSAGES.type,
    ],
    [
      "an SVG",
      () => fileOf('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "x.svg"),
      UPLOAD_MESSAGES.type,
    ],
    [
      "a 20 MB image",
      async () => {
        const png = await noise(2700, 2700).png({ compressionLevel: 0 }).toBuffer();
        expect(png.length).toBeGreaterThan(20 * 1024 * 1024);
        return fileOf(png);
      },
      UPLOAD_MESSAGES.tooLarge,
    ],
    [
      "a 20,000×20,000 PNG",
      () => fileOf(pngHeaderOnly(20_000, 20_000)),
      UPLOAD_MESSAGES.pixels(20_000, 20_000, 1),
    ],
    [
      "a truncated JPEG",
      async () => {
        const jpeg = await noise(800, 600).jpeg().toBuffer();
        return fileOf(jpeg.subarray(0, Math.floor(jpeg.length / 2)), "cut.jpg");
      },
      UPLOAD_MESSAGES.broken,
    ],
    ["an empty file", () => fileOf(Buffer.alloc(0)), UPLOAD_MESSAGES.empty],
  ];

  it.each(cases)("%s", async (_what, make, message) => {
    const editor = await createActor("EDITOR");
    const file = await make();
    const rowsBefore = await db.media.count();
    await expect(uploadImage(editor, { file, filename: path.basename(file) })).rejects.toMatchObject({
      code: "INVALID",
      message,
      fieldErrors: { file: [message] },
    });
    expect(message).toMatch(/[\u4e00-\u9fff]/);
    expect(await db.media.count()).toBe(rowsBefore);
    expect(await filesUnder(dir)).toEqual([]);
  });

  it("refuses readers before reading the file", async () => {
    const reader = await createActor("READER");
    await expect(
      uploadImage(reader, { file: await fileOf(solid(4, 4).png().toBuffer()) }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

const widthOf = async (url: string) =>
  (await sharp(path.join(dir, url.replace("/media/", ""))).metadata()).width;

describe("uploadImage stores", () => {
  it("the original re-encoded in its format without metadata, and WebP renditions at 480/960/1600", async () => {
    const translator = await createActor("TRANSLATOR");
    const jpeg = await noise(2000, 1000)
      .jpeg()
      .withExif({ IFD0: { Copyright: "secret-camera-owner" } })
      .toBuffer();
    const r = await uploadImage(translator, {
      file: await fileOf(jpeg),
      filename: "攻击链.jpg",
      alt: " 攻击链示意 ",
    });
    expect(r).toMatchObject({
      width: 2000,
      height: 1000,
      mime: "image/jpeg",
      alt: "攻击链示意",
      decorative: false,
      animated: false,
      filename: "攻击链.jpg",
      url: expect.stringMatching(/^\/media\/[0-9a-f]{2}\/[0-9a-f]{64}\.jpg$/),
    });
    expect(r.variants.map((v) => [v.width, v.height])).toEqual([
      [480, 240],
      [960, 480],
      [1600, 800],
    ]);
    expect(r.srcset).toBe(r.variants.map((v) => `${v.url} ${v.width}w`).join(", "));
    for (const v of r.variants) {
      expect(v.url).toMatch(/\.webp$/);
      const meta = await sharp(path.join(dir, v.url.replace("/media/", ""))).metadata();
      expect([meta.format, meta.width]).toEqual(["webp", v.width]);
    }
    const stored = await fs.readFile(path.join(dir, r.url.replace("/media/", "")));
    expect((await sharp(stored).metadata()).exif).toBeUndefined();
    expect(stored.includes(Buffer.from("secret-camera-owner"))).toBe(false);
    const row = await db.media.findUniqueOrThrow({ where: { id: r.id } });
    expect(row).toMatchObject({ uploaderId: translator.id, size: stored.length, width: 2000, height: 1000 });
    expect(row.variants).toEqual(
      r.variants.map((v) =>
        expect.objectContaining({ width: v.width, mime: "image/webp", storageKey: v.url.slice(7) }),
      ),
    );
    expect(await filesUnder(dir)).toHaveLength(4);
    expect(await fs.readdir(path.join(dir, ".tmp"))).toEqual([]);
  });

  it("no rendition wider than the picture: a 700 px PNG gets 480 and 700", async () => {
    const editor = await createActor("EDITOR");
    const r = await uploadImage(editor, {
      file: await fileOf(noise(700, 300).png().toBuffer()),
      decorative: true,
      alt: "忽略",
    });
    expect(r).toMatchObject({ mime: "image/png", width: 700, decorative: true, alt: null });
    expect(r.variants.map((v) => v.width)).toEqual([480, 700]);
    expect(await widthOf(r.url)).toBe(700);
  });

  it("an animated GIF stays animated: GIF original and animated WebP renditions", async () => {
    const editor = await createActor("EDITOR");
    const frames = await Promise.all(
      [0, 1, 2, 3].map((i) =>
        sharp({ create: { width: 600, height: 200, channels: 3, background: { r: 60 * i, g: 90, b: 200 } } })
          .raw()
          .toBuffer(),
      ),
    );
    const gif = await sharp(Buffer.concat(frames), {
      raw: { width: 600, height: 800, channels: 3, pageHeight: 200 },
    })
      .gif({ delay: 100, loop: 0 })
      .toBuffer();
    const r = await uploadImage(editor, { file: await fileOf(gif, "loop.gif"), alt: "动图" });
    expect(r).toMatchObject({ mime: "image/gif", animated: true, width: 600, height: 200 });
    expect(r.variants.map((v) => [v.width, v.height])).toEqual([
      [480, 160],
      [600, 200],
    ]);
    const pagesOf = async (url: string) =>
      (await sharp(path.join(dir, url.replace("/media/", "")), { animated: true }).metadata()).pages;
    expect(await pagesOf(r.url)).toBe(4);
    for (const v of r.variants) expect(await pagesOf(v.url)).toBe(4);
  });

  it("nothing when the row cannot be written: every file this upload placed is removed", async () => {
    const editor = await createActor("EDITOR");
    const spy = vi.spyOn(db.media, "upsert").mockRejectedValueOnce(new Error("database down"));
    try {
      await expect(
        uploadImage(editor, { file: await fileOf(noise(1000, 500).png().toBuffer()) }),
      ).rejects.toThrow("database down");
    } finally {
      spy.mockRestore();
    }
    expect(await filesUnder(dir)).toEqual([]);
  });
});
