import { describe, expect, it } from "vitest";
import { bodySchema, coverAltProblem, missingAltProblem } from "./body-schema";

const src = `/media/ab/${"c".repeat(64)}.png`;
const fig = (attrs: object) => ({ type: "figure", attrs: { src, ...attrs } });
const doc = (...content: object[]) => ({ type: "doc", content });
const p = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });

describe("alt text on save", () => {
  it("refuses a body image without alt text, naming it by place and caption", () => {
    const r = bodySchema.safeParse(
      doc(p("前言"), fig({ alt: "拓扑" }), fig({ alt: "  ", caption: "图2 横向移动" })),
    );
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe(
      "正文第 2 张图片（图注“图2 横向移动”）缺少替代文本：请在图片设置中描述图片内容，纯装饰的图片请勾选“装饰性图片”。",
    );
    expect(missingAltProblem(doc(fig({})) as never)).toMatch(/^正文第 1 张图片缺少替代文本/);
  });

  it("accepts alt text, or an explicit decorative mark", () => {
    const r = bodySchema.safeParse(doc(fig({ alt: "拓扑" }), fig({ decorative: true })));
    expect(r.success).toBe(true);
    expect(r.data!.content![1]!.attrs).toMatchObject({ decorative: true, alt: "" });
  });

  it("covers need alt text when set", () => {
    expect(coverAltProblem({ coverUrl: src, coverAlt: "" })).toMatch(/封面图的替代文本/);
    expect(coverAltProblem({ coverUrl: src, coverAlt: "封面" })).toBeNull();
    expect(coverAltProblem({ coverUrl: null, coverAlt: null })).toBeNull();
  });
});
