import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sniffImageFile } from "./sniff-image";

let dir: string;
beforeAll(async () => void (dir = await fs.mkdtemp(path.join(os.tmpdir(), "byline-sniff-"))));
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

async function sniff(data: Buffer | string) {
  const file = path.join(dir, `f-${Math.random().toString(36).slice(2)}.png`);
  await fs.writeFile(file, data);
  return (await sniffImageFile(file))?.mime ?? null;
}
const image = (format: "png" | "jpeg" | "gif" | "webp") =>
  sharp({ create: { width: 4, height: 4, channels: 3, background: "#123456" } })
    .toFormat(format)
    .toBuffer();

describe("sniffImageFile", () => {
  it("recognises the four raster formats by content", async () => {
    expect(await sniff(await image("png"))).toBe("image/png");
    expect(await sniff(await image("jpeg"))).toBe("image/jpeg");
    expect(await sniff(await image("gif"))).toBe("image/gif");
    expect(await sniff(await image("webp"))).toBe("image/webp");
  });

  it("refuses SVG, HTML, PDFs, other formats and empty files whatever their name claims", async () => {
    expect(await sniff('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')).toBeNull();
    expect(await sniff('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>')).toBeNull();
    expect(await sniff("<!doctype html><img src=x onerror=alert(1)>")).toBeNull();
    expect(await sniff("%PDF-1.7\n")).toBeNull();
    expect(
      await sniff(
        await sharp({ create: { width: 4, height: 4, channels: 3, background: "#000" } })
          .tiff()
          .toBuffer(),
      ),
    ).toBeNull();
    expect(await sniff("")).toBeNull();
  });
});
