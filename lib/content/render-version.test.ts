import { describe, expect, it } from "vitest";
import { RENDER_VERSION, servedBodyHtml } from "./render-version";

const doc = (text: string) => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});
const HOSTILE = '<p>旧</p><img src=x onerror=alert(1)><a href="javascript:alert(2)">x</a>';

describe("servedBodyHtml", () => {
  it("serves a current render exactly as stored", () => {
    expect(servedBodyHtml({ bodyHtml: HOSTILE, bodyJson: null, renderVersion: RENDER_VERSION })).toEqual({
      html: HOSTILE,
      stale: false,
    });
  });

  it("re-renders an older one from its tiptap JSON", () => {
    const got = servedBodyHtml({ bodyHtml: HOSTILE, bodyJson: doc("新正文"), renderVersion: 1 });
    expect(got.stale).toBe(true);
    expect(got.html).toContain("新正文");
    expect(got.html).not.toMatch(/onerror|javascript:|旧/);
  });

  it("never serves an older render raw, even when its JSON can no longer be rendered", () => {
    const got = servedBodyHtml({ bodyHtml: HOSTILE, bodyJson: { type: "nonsense" }, renderVersion: 1 });
    expect(got.stale).toBe(false);
    expect(got.html).toContain("旧");
    expect(got.html).not.toMatch(/onerror|javascript:/);
  });
});
