import { describe, expect, it } from "vitest";
import { MEDIA_TYPES } from "@/lib/media/storage";
import { contentSecurityPolicy } from "@/lib/security/headers";
import { isOwnImageUrl, MEDIA_EXTENSIONS } from "./image-url";

const sha = "a".repeat(64);

describe("isOwnImageUrl", () => {
  it("accepts exactly the files app/media serves", () => {
    expect(isOwnImageUrl(`/media/aa/${sha}.webp`)).toBe(true);
    expect([...MEDIA_EXTENSIONS].sort()).toEqual(Object.values(MEDIA_TYPES).sort());
  });

  it("refuses external, protocol-relative, data:, javascript: and traversal addresses", () => {
    for (const s of [
      "https://example.com/a.png",
      "http://localhost:3000/media/aa/x.webp",
      `//evil.example/media/aa/${sha}.webp`,
      "data:image/png;base64,AAAA",
      "blob:https://x/1",
      "javascript:alert(1)",
      `/media/aa/../${sha}.webp`,
      `/media/aa/${sha}.webp?x=1`,
      `/media/aa/${sha}.html`,
      ` /media/aa/${sha}.webp`,
    ])
      expect(isOwnImageUrl(s), s).toBe(false);
  });

  it("matches the CSP: img-src names no other host, so no other address could load", () => {
    const imgSrc = contentSecurityPolicy({ nonce: "n" })
      .split("; ")
      .find((d) => d.startsWith("img-src "));
    // if this changes (an image CDN, say), widen isOwnImageUrl to the same list in the same commit
    expect(imgSrc).toBe("img-src 'self' data: blob:");
  });
});
