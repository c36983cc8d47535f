import { describe, expect, it } from "vitest";
import { siteMetadata } from "./site-metadata";

const base = { name: "署名 Byline", tagline: "原创报道", titleTemplate: "%s · 署名 Byline", favicon: null };

describe("siteMetadata", () => {
  it("builds the title template, home title, description and siteName from the settings", () => {
    const m = siteMetadata({ ...base, name: "安全周刊", titleTemplate: "%s - 安全周刊" });
    expect(m.title).toEqual({ default: "安全周刊 · 原创报道", template: "%s - 安全周刊" });
    expect(m.description).toBe("安全周刊：原创报道");
    expect(m.openGraph).toMatchObject({ siteName: "安全周刊" });
    expect(m.icons).toBeUndefined();
  });

  it("falls back to '%s · name' when a template has no single %s, and flattens hostile text", () => {
    const m = siteMetadata({ ...base, name: "A\r\n<b>\u001b", tagline: "", titleTemplate: "%s %s" });
    expect(m.title).toEqual({ default: "A <b>", template: "%s · A <b>" });
    expect(m.description).toBe("A <b>");
  });

  it("points the icon at the uploaded favicon", () => {
    const m = siteMetadata({ ...base, favicon: { url: "/media/2026/12/f.png", mime: "image/png" } });
    expect(m.icons).toEqual({ icon: [{ url: "/media/2026/12/f.png", type: "image/png" }] });
  });
});
