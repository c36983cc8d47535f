import { describe, expect, it } from "vitest";
import { attrProblem } from "./attr-rules";
import { FIGURE_SIZES, isOwnSrcset } from "./image-url";
import { renderArticle } from "./render";
import { sanitizeArticleHtml } from "./sanitize";

const key = (c: string, ext = "webp") => `/media/ab/${c.repeat(64)}.${ext}`;
const srcset = `${key("d")} 480w, ${key("e")} 960w, ${key("f")} 1600w`;
const doc = (...content: object[]) => ({ type: "doc", content });

describe("figure rendering", () => {
  it("a <picture> with the WebP renditions as srcset/sizes, the original as <img> with width and height", () => {
    const { html } = renderArticle(
      doc({
        type: "figure",
        attrs: { src: key("c", "png"), alt: "攻击链", caption: "图1", width: 2000, height: 1000, srcset },
      }),
    );
    expect(html).toBe(
      `<figure><picture><source type="image/webp" srcset="${srcset}" sizes="${FIGURE_SIZES}" />` +
        `<img src="${key("c", "png")}" alt="攻击链" width="2000" height="1000" loading="lazy" decoding="async" />` +
        `</picture><figcaption>图1</figcaption></figure>`,
    );
  });

  it('without renditions a plain <img>; a decorative image has alt="" whatever its alt attribute says', () => {
    const { html } = renderArticle(
      doc({ type: "figure", attrs: { src: key("c", "gif"), alt: "不应出现", decorative: true } }),
    );
    expect(html).toBe(
      `<figure><img src="${key("c", "gif")}" alt="" loading="lazy" decoding="async" /></figure>`,
    );
  });

  it("the sanitiser keeps only our WebP renditions and our sizes on <source>", () => {
    const out = (attrs: string) => sanitizeArticleHtml(`<picture><source ${attrs}></picture>`);
    expect(out(`type="image/webp" srcset="${srcset}" sizes="${FIGURE_SIZES}"`)).toContain(
      `srcset="${srcset}"`,
    );
    for (const bad of [
      `type="image/webp" srcset="https://evil.example/a.webp 480w"`,
      `type="image/webp" srcset="${key("d")} 480w, //evil.example/x.webp 960w"`,
      `type="image/webp" srcset="${key("d", "png")} 480w"`,
      `type="image/svg+xml" srcset="${key("d")} 480w"`,
      `type="image/webp" srcset="javascript:alert(1) 1w"`,
    ])
      expect(out(bad), bad).toBe("<picture><source /></picture>");
    expect(out(`type="image/webp" srcset="${key("d")} 480w" sizes="100vw" onerror="alert(1)"`)).toBe(
      `<picture><source type="image/webp" srcset="${key("d")} 480w" sizes="${FIGURE_SIZES}" /></picture>`,
    );
  });

  it("a figure's srcset and decorative attributes are checked when the document is", () => {
    expect(isOwnSrcset(srcset)).toBe(true);
    expect(attrProblem("figure", { src: key("c"), srcset: "https://x/a.webp 480w" }, false)).toMatch(
      /响应式/,
    );
    expect(attrProblem("figure", { src: key("c"), srcset: `${key("d")} 0w` }, false)).toMatch(/响应式/);
    expect(attrProblem("figure", { src: key("c"), srcset: null, decorative: false }, false)).toBeNull();
    expect(attrProblem("figure", { src: key("c"), decorative: "yes" }, false)).toMatch(/装饰性/);
  });
});
