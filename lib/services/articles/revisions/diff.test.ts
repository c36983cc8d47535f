import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { blocksOf, diffArticles, diffText, tokenize } from "./diff";

const p = (text: string): JSONContent => ({ type: "paragraph", content: [{ type: "text", text }] });
const h = (level: number, text: string): JSONContent => ({
  type: "heading",
  attrs: { level },
  content: [{ type: "text", text }],
});
const docOf = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });
const side = (body: JSONContent, title = "标题", lede = "") => ({ title, lede, body });

describe("tokenize", () => {
  it("cuts Chinese into words, not one run per paragraph", () => {
    const t = tokenize("攻击者部署了蜜罐");
    expect(t.length).toBeGreaterThan(3);
    expect(t.join("")).toBe("攻击者部署了蜜罐");
    expect(tokenize("hello world")).toEqual(["hello", " ", "world"]);
  });
});

describe("diffText", () => {
  it("marks a changed Chinese word, keeping the rest of the sentence as is", () => {
    const parts = diffText("研究人员发现了一个严重漏洞", "研究人员发现了一个轻微漏洞");
    expect(parts.filter((x) => x.op !== "same")).toEqual([
      { op: "del", text: "严重" },
      { op: "ins", text: "轻微" },
    ]);
    expect(parts[0]).toEqual({ op: "same", text: expect.stringContaining("研究人员") });
    // both sides can be rebuilt: nothing is dropped from either text
    const before = parts
      .filter((x) => x.op !== "ins")
      .map((x) => x.text)
      .join("");
    const after = parts
      .filter((x) => x.op !== "del")
      .map((x) => x.text)
      .join("");
    expect([before, after]).toEqual(["研究人员发现了一个严重漏洞", "研究人员发现了一个轻微漏洞"]);
  });

  it("English changes per word; identical and empty texts", () => {
    expect(diffText("patch the server now", "patch the router now")).toEqual([
      { op: "same", text: "patch the " },
      { op: "del", text: "server" },
      { op: "ins", text: "router" },
      { op: "same", text: " now" },
    ]);
    expect(diffText("同样", "同样")).toEqual([{ op: "same", text: "同样" }]);
    expect(diffText("", "")).toEqual([]);
    expect(diffText("", "新")).toEqual([{ op: "ins", text: "新" }]);
  });
});

describe("blocksOf", () => {
  it("lists paragraphs, headings, list items (nested too), quotes, code, table rows and figures in order", () => {
    const body = docOf(
      h(2, "概述"),
      p("第一段"),
      {
        type: "bulletList",
        content: [
          {
            type: "listItem",
            content: [
              p("外层"),
              { type: "orderedList", content: [{ type: "listItem", content: [p("内层")] }] },
            ],
          },
        ],
      },
      { type: "blockquote", content: [p("引文")] },
      { type: "codeBlock", content: [{ type: "text", text: "rm -rf /" }] },
      {
        type: "table",
        content: [
          {
            type: "tableRow",
            content: [
              { type: "tableCell", content: [p("甲")] },
              { type: "tableCell", content: [p("乙")] },
            ],
          },
        ],
      },
      { type: "figure", attrs: { src: "/media/a.png", alt: "拓扑图", caption: "网络拓扑" } },
      {
        type: "iocBlock",
        attrs: {
          items: [
            { type: "domain", value: "c2.example.net", context: "回连域名", malicious: true },
            { type: "md5", value: "d41d8cd98f00b204e9800998ecf8427e", context: "", malicious: false },
          ],
        },
      },
    );
    expect(blocksOf(body).map((b) => [b.label, b.text])).toEqual([
      ["二级标题", "概述"],
      ["段落", "第一段"],
      ["列表项", "外层"],
      ["编号列表项", "内层"],
      ["引用·段落", "引文"],
      ["代码", "rm -rf /"],
      ["表格行", "甲 | 乙"],
      ["图片", "[拓扑图] 网络拓扑 </media/a.png>"],
      ["IOC 指标", "域名 · c2.example.net · 回连域名 · 恶意"],
      ["IOC 指标", "MD5 · d41d8cd98f00b204e9800998ecf8427e · 良性"],
    ]);
  });
});

describe("diffArticles", () => {
  it("aligns blocks: unchanged kept, inserted and removed marked, edited paired with word changes", () => {
    const before = side(
      docOf(p("开头不变"), p("这一段会被删除"), p("漏洞影响旧版本"), p("结尾不变")),
      "旧标题",
      "导语",
    );
    const after = side(
      docOf(p("开头不变"), p("漏洞影响所有版本"), h(3, "新增小节"), p("结尾不变")),
      "新标题",
      "导语",
    );
    const d = diffArticles(before, after);
    expect(d.blocks.map((b) => [b.change, b.label])).toEqual([
      ["same", "段落"],
      ["removed", "段落"],
      ["changed", "段落"],
      ["added", "三级标题"],
      ["same", "段落"],
    ]);
    expect(d.counts).toEqual({ added: 1, removed: 1, changed: 1 });
    // word-level inside the paragraph: 漏洞影响 stays, only the changed words are marked
    const changed = d.blocks[2]!.parts;
    expect(changed[0]).toEqual({ op: "same", text: "漏洞影响" });
    expect(
      changed
        .filter((x) => x.op === "del")
        .map((x) => x.text)
        .join(""),
    ).toMatch(/^旧/);
    expect(
      changed
        .filter((x) => x.op === "ins")
        .map((x) => x.text)
        .join(""),
    ).toMatch(/^所有/);
    expect(d.title.filter((x) => x.op !== "same")).toEqual([
      { op: "del", text: "旧" },
      { op: "ins", text: "新" },
    ]);
    expect(d.lede).toEqual([{ op: "same", text: "导语" }]);
    expect(d.identical).toBe(false);
  });

  it("the paired block shows the removed paragraph's text too, so both versions' words are visible", () => {
    const d = diffArticles(side(docOf(p("甲段"), p("乙段"))), side(docOf(p("丙段"))));
    const text = JSON.stringify(d.blocks);
    for (const w of ["甲", "乙", "丙"]) expect(text).toContain(w);
    expect(d.counts.added + d.counts.removed + d.counts.changed).toBeGreaterThanOrEqual(2);
  });

  it("a block that changed kind with the same text is one changed block that says so", () => {
    const d = diffArticles(side(docOf(p("小结"))), side(docOf(h(2, "小结"))));
    expect(d.blocks).toEqual([
      {
        change: "changed",
        type: "heading",
        label: "二级标题（原为段落）",
        parts: [{ op: "same", text: "小结" }],
      },
    ]);
  });

  it("identical documents are identical", () => {
    const s = side(docOf(p("一样"), h(2, "也一样")));
    expect(diffArticles(s, structuredClone(s))).toMatchObject({
      identical: true,
      counts: { added: 0, removed: 0, changed: 0 },
    });
    expect(diffArticles(side(docOf()), side({ type: "doc" })).blocks).toEqual([]);
  });
});
