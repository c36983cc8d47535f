import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { createActor } from "@/lib/services/articles/test-helpers";
import { bodyMediaProblem } from "./body-media-problem";
import type { MediaDto } from "./media-dto";
import { uploadImage } from "./upload-image";

let a: MediaDto;
let b: MediaDto;
beforeAll(async () => {
  process.env.UPLOAD_DIR = await fs.mkdtemp(path.join(os.tmpdir(), "byline-body-media-"));
  const editor = await createActor("EDITOR");
  const up = async (seed: number) => {
    const file = path.join(process.env.UPLOAD_DIR!, `in-${seed}`);
    const bg = { r: seed % 256, g: (seed >> 8) % 256, b: 77 };
    await fs.writeFile(
      file,
      await sharp({ create: { width: 1000, height: 500, channels: 3, background: bg } })
        .png()
        .toBuffer(),
    );
    return uploadImage(editor, { file, alt: "图" });
  };
  [a, b] = [await up(Date.now() % 65536), await up((Date.now() + 4099) % 65536)];
});

const doc = (...attrs: object[]) => ({
  type: "doc",
  content: attrs.map((x) => ({ type: "figure", attrs: x })),
});

describe("bodyMediaProblem", () => {
  it("accepts uploads with their own renditions, or none", async () => {
    expect(
      await bodyMediaProblem(doc({ src: a.url, srcset: a.srcset }, { src: b.url, srcset: null })),
    ).toBeNull();
    expect(await bodyMediaProblem({ type: "doc", content: [] })).toBeNull();
  });

  it("refuses an address that is no upload, and another upload's renditions", async () => {
    expect(await bodyMediaProblem(doc({ src: a.url }, { src: `/media/ab/${"0".repeat(64)}.png` }))).toMatch(
      /^正文第 2 张图片不在本站媒体库中/,
    );
    expect(await bodyMediaProblem(doc({ src: a.url, srcset: b.srcset }))).toMatch(
      /^正文第 1 张图片的尺寸列表与媒体库不符/,
    );
  });
});
