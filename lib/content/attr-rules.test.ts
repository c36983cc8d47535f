import { getSchema } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { attrProblem, MARK_ATTR_RULES, NODE_ATTR_RULES } from "./attr-rules";
import { articleExtensions } from "./extensions";

const schema = getSchema(articleExtensions);
const NUMERIC_NAME = /span|width|height|level|start|size|count|index|depth|row|col|order|max|min|^[xy]$/i;

// every [kind, type, attr, default] of the real ProseMirror schema the editor and renderer use
const attrs = [
  ...Object.values(schema.nodes).flatMap((t) =>
    Object.entries(t.spec.attrs ?? {}).map(([name, spec]) => ["node", t.name, name, spec.default] as const),
  ),
  ...Object.values(schema.marks).flatMap((t) =>
    Object.entries(t.spec.attrs ?? {}).map(([name, spec]) => ["mark", t.name, name, spec.default] as const),
  ),
];

describe("attribute rules cover the article schema", () => {
  it("finds the attributes (the walk itself works)", () => {
    expect(attrs.map(([, t, a]) => `${t}.${a}`)).toEqual(
      expect.arrayContaining(["tableCell.colspan", "heading.level", "figure.width", "link.href"]),
    );
  });

  it.each(attrs)("%s %s.%s has a rule; a numeric one is bounded on both sides", (kind, type, name, dflt) => {
    const rule = (kind === "node" ? NODE_ATTR_RULES : MARK_ATTR_RULES)[type]?.[name];
    expect(rule, `add a rule for ${type}.${name} to lib/content/attr-rules.ts`).toBeDefined();
    if (typeof dflt === "number" || NUMERIC_NAME.test(name)) {
      expect(["int", "intList"]).toContain(rule!.kind);
      const r = rule as { min: number; max: number };
      expect(Number.isFinite(r.min) && Number.isFinite(r.max) && r.max < 1e6).toBe(true);
    }
    if (rule!.kind === "text") expect(rule!.max).toBeLessThanOrEqual(2048);
  });

  it("has no rule for an attribute the schema does not have (a typo would protect nothing)", () => {
    const known = new Set(attrs.map(([k, t, a]) => `${k}:${t}.${a}`));
    const ruled = [
      ...Object.entries(NODE_ATTR_RULES).flatMap(([t, r]) => Object.keys(r).map((a) => `node:${t}.${a}`)),
      ...Object.entries(MARK_ATTR_RULES).flatMap(([t, r]) => Object.keys(r).map((a) => `mark:${t}.${a}`)),
    ];
    expect(ruled.filter((x) => !known.has(x))).toEqual([]);
  });
});

describe("attrProblem", () => {
  const cell = (attrs: object) => attrProblem("tableCell", attrs, false);

  it("accepts what the editor writes", () => {
    expect(cell({ colspan: 2, rowspan: 3, colwidth: [120, 0], align: "center" })).toBeNull();
    expect(attrProblem("heading", { level: 3 }, false)).toBeNull();
    expect(attrProblem("orderedList", { start: 5, type: null }, false)).toBeNull();
    expect(
      attrProblem(
        "link",
        { href: "https://example.com/a?b#c", target: null, rel: "noopener", class: null, title: null },
        true,
      ),
    ).toBeNull();
    expect(attrProblem("link", { href: "mailto:tips@example.com" }, true)).toBeNull();
    expect(attrProblem("codeBlock", { language: "c++" }, false)).toBeNull();
  });

  it("refuses out-of-range, non-integer and non-number spans with a zh-CN message", () => {
    for (const colspan of [0, -1, 51, 2_000_000_000, 1.5, "2", "1e9", null, NaN, Infinity, [2], { n: 2 }])
      expect(cell({ colspan }), String(colspan)).toMatch(/最多合并 50 列/);
    expect(cell({ rowspan: 1001 })).toMatch(/最多合并 1000 行/);
    expect(cell({ colspan: 2, colwidth: [1, 2, 3] })).toMatch(/列宽/); // more widths than columns
    expect(cell({ colwidth: [1e9] })).toMatch(/列宽/);
    expect(cell({ colwidth: "100" })).toMatch(/列宽/);
    expect(cell({ align: "javascript" })).toMatch(/对齐/);
  });

  it("bounds heading levels, list starts and image sizes", () => {
    for (const level of [1, 5, 0, 1e9, "2", null])
      expect(attrProblem("heading", { level }, false)).toMatch(/标题级别/);
    for (const start of [-1, 100_001, 1e21, 0.5])
      expect(attrProblem("orderedList", { start }, false)).toMatch(/起始编号/);
    for (const width of [0, 8001, 1e9, "100", -5])
      expect(attrProblem("figure", { width }, false)).toMatch(/图片宽高/);
  });

  it("refuses unsafe text, external images and non-http links in attrs", () => {
    const src = `/media/ab/${"0".repeat(64)}.png`;
    expect(attrProblem("figure", { src, alt: "a\u0000" }, false)).toMatch(/无法识别的字符/);
    expect(attrProblem("figure", { src, caption: "\uD800" }, false)).toMatch(/无法识别的字符/);
    expect(attrProblem("figure", { src, caption: "字".repeat(501) }, false)).toMatch(/最多 500 个字符/);
    expect(attrProblem("figure", { src: "https://example.com/a.png" }, false)).toMatch(/上传到本站/);
    expect(attrProblem("figure", { src: null }, false)).toMatch(/上传到本站/);
    for (const href of [
      "javascript:alert(1)",
      " javascript:alert(1)",
      "data:text/html,x",
      "//evil.example",
      "/\\evil.example",
      "vbscript:x",
      "https://",
      null,
      42,
    ])
      expect(attrProblem("link", { href }, true), String(href)).toMatch(/链接地址/);
    expect(attrProblem("codeBlock", { language: 'x" onmouseover="y' }, false)).toMatch(/语言名称/);
  });
});
