import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import zlib from "node:zlib";
import { expect, test, type TestInfo } from "@playwright/test";
import sharp from "sharp";
import { authStatePath } from "../auth-state";
import { withDb } from "../db";

/**
 * Issue 11's acceptance, through the 媒体库 page's real file input: six files the app must refuse,
 * each with a clear zh-CN message, and nothing stored: no Media row, no file under the server's
 * UPLOAD_DIR (scripts/lib/e2e.mjs), its .tmp/ staging folder included. The files are made here, at
 * run time, into the test's output folder (no binary fixtures in the repository).
 */
test.use({ storageState: authStatePath("EDITOR") });

const uploadDir = () => {
  const dir = process.env.UPLOAD_DIR;
  if (!dir)
    throw new Error("UPLOAD_DIR is not set: run through `npm test -- --only=e2e` (scripts/lib/e2e.mjs)");
  return dir;
};

/** Every file under UPLOAD_DIR (relative paths, .tmp/ included). */
async function listUploads(): Promise<Set<string>> {
  const root = uploadDir();
  const entries = await fs
    .readdir(root, { recursive: true, withFileTypes: true })
    .catch((e: NodeJS.ErrnoException) => {
      if (e.code === "ENOENT") return [];
      throw e;
    });
  return new Set(
    entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name))),
  );
}

type MediaRow = {
  id: string;
  filename: string | null;
  storageKey: string;
  variants: { storageKey: string }[];
};
const mediaRows = () =>
  withDb(
    async (c) => (await c.query<MediaRow>(`SELECT id, filename, "storageKey", variants FROM media`)).rows,
  );

// --- the six files ----------------------------------------------------------------------------

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A complete, valid 20,000×20,000 PNG (1-bit grey, all white): 400 megapixels in about 50 KB. */
function hugePng(side = 20_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  const row = Buffer.alloc(1 + Math.ceil(side / 8), 0xff);
  row[0] = 0; // filter: none
  const raw = Buffer.alloc(row.length * side);
  for (let y = 0; y < side; y++) row.copy(raw, y * row.length);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A real PNG of random pixels, stored uncompressed: just over 20 MB. */
async function twentyMegabytePng(): Promise<Buffer> {
  const side = 2_650; // 2650² × 3 bytes ≈ 21.1 MB (20.1 MiB) of pixels
  const buf = await sharp(crypto.randomBytes(side * side * 3), {
    raw: { width: side, height: side, channels: 3 },
  })
    .png({ compressionLevel: 0 })
    .toBuffer();
  expect(buf.length).toBeGreaterThan(20 * 1024 * 1024);
  return buf;
}

/** A photo-like JPEG cut off in the middle of its scan data. */
async function truncatedJpeg(): Promise<Buffer> {
  const jpeg = await sharp(crypto.randomBytes(800 * 600 * 3), {
    raw: { width: 800, height: 600, channels: 3 },
  })
    .jpeg({ quality: 90 })
    .toBuffer();
  expect(jpeg.length).toBeGreaterThan(100_000);
  return jpeg.subarray(0, Math.floor(jpeg.length / 2));
}

type Case = {
  what: string;
  name: string;
  mimeType: string;
  make: () => Buffer | Promise<Buffer>;
  message: RegExp;
  status: number;
};

const cases: Case[] = [
  {
    what: "an HTML page renamed .png",
    name: "page.png",
    mimeType: "image/png",
    make: () =>
      Buffer.from(
        "<!doctype html><html><body><script>alert(document.cookie)</script><p>不是图片</p></body></html>",
      ),
    message: /不支持的文件类型/,
    status: 400,
  },
  {
    what: "an SVG",
    name: "drawing.svg",
    mimeType: "image/svg+xml",
    make: () =>
      Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>',
      ),
    message: /不支持的文件类型.*SVG/,
    status: 400,
  },
  {
    what: "a 20 MB image (the HTTP server's body limit: 413)",
    name: "big.png",
    mimeType: "image/png",
    make: twentyMegabytePng,
    message: /不能超过 10 MB/,
    status: 413,
  },
  {
    what: "a 20,000×20,000 PNG",
    name: "huge.png",
    mimeType: "image/png",
    make: () => hugePng(),
    message: /像素过多（20000×20000）.*4000 万像素/,
    status: 400,
  },
  {
    what: "a truncated JPEG",
    name: "cut.jpg",
    mimeType: "image/jpeg",
    make: truncatedJpeg,
    message: /已损坏或不完整/,
    status: 400,
  },
  {
    what: "an empty file",
    name: "empty.png",
    mimeType: "image/png",
    make: () => Buffer.alloc(0),
    message: /文件是空的（0 字节）/,
    status: 400,
  },
];

async function writeFixture(testInfo: TestInfo, c: Case): Promise<string> {
  // a unique name: a stored row for it would carry it (media.filename)
  const [base, ext] = [path.basename(c.name, path.extname(c.name)), path.extname(c.name)];
  const file = testInfo.outputPath(`${base}-${crypto.randomBytes(4).toString("hex")}${ext}`);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, await c.make());
  return file;
}

for (const c of cases) {
  test(`媒体库 refuses ${c.what} with a zh-CN message and stores nothing`, async ({ page }, testInfo) => {
    const file = await writeFixture(testInfo, c);
    const name = path.basename(file);

    const rowsBefore = new Set((await mediaRows()).map((r) => r.id));
    const filesBefore = await listUploads();
    const statuses: number[] = [];
    page.on("response", (r) => {
      if (new URL(r.url()).pathname === "/api/media" && r.request().method() === "POST")
        statuses.push(r.status());
    });

    await page.goto("/editor/media");
    await expect(page.getByRole("heading", { name: "媒体库", level: 1 })).toBeVisible();
    await page.getByLabel(/图片文件/).setInputFiles(file);
    await page.getByRole("button", { name: "上传图片" }).click();

    // the form's own alert (Next.js' route announcer is an alert too)
    const form = page.locator("form", { has: page.getByLabel(/图片文件/) });
    const alert = form.getByRole("alert");
    await expect(alert).toBeVisible({ timeout: 30_000 });
    await expect(alert).toHaveText(c.message);
    await expect(page.getByRole("button", { name: "上传图片" })).toBeEnabled();
    expect(statuses).toEqual([c.status]);

    // Nothing stored. Other specs may upload at the same time (two workers): a new row must not be
    // ours (our unique file name, or none), and every new file must belong to a new row that is
    // someone else's (in a run of its own: no new row and no new file at all).
    await expect
      .poll(
        async () => {
          const added = (await mediaRows()).filter((r) => !rowsBefore.has(r.id));
          const ours = added.filter((r) => r.filename === null || r.filename === name);
          const theirs = new Set(
            added
              .filter((r) => !ours.includes(r))
              .flatMap((r) => [r.storageKey, ...r.variants.map((v) => v.storageKey)]),
          );
          const stray = [...(await listUploads())].filter((f) => !filesBefore.has(f) && !theirs.has(f));
          return { ours: ours.map((r) => r.filename), stray };
        },
        { timeout: 15_000 },
      )
      .toEqual({ ours: [], stray: [] });
  });
}
