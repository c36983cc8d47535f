import { describe, expect, it } from "vitest";
import { mediaKeyOf, webpSrcset, type MediaVariant } from "./variants";

const sha = "ab" + "0".repeat(62);
const key = (ext: string, prefix = "ab") => `${prefix}/${sha}.${ext}`;
const v = (width: number, storageKey: string, mime = "image/webp"): MediaVariant => ({
  width,
  height: 0,
  mime,
  storageKey,
  size: 1,
});

describe("webpSrcset", () => {
  it("lists the WebP renditions narrowest first", () => {
    expect(webpSrcset([v(960, key("webp")), v(800, key("jpg"), "image/jpeg"), v(480, key("webp"))])).toBe(
      `/media/${key("webp")} 480w, /media/${key("webp")} 960w`,
    );
    expect(webpSrcset([])).toBe("");
  });

  it("leaves out a key that is not one of ours: it would add candidates to the attribute", () => {
    const planted = [
      v(480, `x 1w, https://evil.example/a.webp`),
      v(481, `../${sha}.webp`),
      v(482, key("png")),
      v(483, key("webp", "zz")),
    ];
    expect(webpSrcset([...planted, v(960, key("webp"))])).toBe(`/media/${key("webp")} 960w`);
  });
});

describe("mediaKeyOf", () => {
  it("is the key of our own media URLs only", () => {
    expect(mediaKeyOf(`/media/${key("webp")}`)).toBe(key("webp"));
    for (const url of [
      null,
      "",
      "https://img.example/a.webp",
      `/media/../${sha}.webp`,
      `/media/${key("webp")}?x`,
    ])
      expect(mediaKeyOf(url)).toBeNull();
  });
});
