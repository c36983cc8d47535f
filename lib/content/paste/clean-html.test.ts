import { readFileSync } from "node:fs";
import path from "node:path";
import type { JSONContent } from "@tiptap/core";
import { DOMParser as ProseMirrorParser } from "@tiptap/pm/model";
import { DOMParser as LinkedomParser } from "linkedom";
import { describe, expect, test } from "vitest";
import { articleSchema } from "@/lib/content/schema";
import { cleanPastedHtml } from "./clean-html";

const parse = (html: string) =>
  new LinkedomParser().parseFromString(html, "text/html") as unknown as Document;
const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");
const ORIGIN = "https://byline.example";
const MEDIA = `/media/ab/${"c".repeat(64)}.webp`;

/** Cleaned clipboard HTML through the article schema, as the editor's paste parses it. */
function paste(html: string) {
  const { html: clean, removedImages } = cleanPastedHtml(html, { parse, origin: ORIGIN });
  const body = parse(`<html><body>${clean}</body></html>`).body;
  const doc = ProseMirrorParser.fromSchema(articleSchema()).parse(body).toJSON() as JSONContent;
  return { clean, removedImages, outline: (doc.content ?? []).map(sketch) };
}

/** A node as "type" or { type: children }, a text as "mark+mark:text": structure and nothing else. */
function sketch(n: JSONContent): unknown {
  if (n.type === "text") {
    const marks = (n.marks ?? []).map((m) => (m.type === "link" ? `link(${m.attrs?.href})` : m.type));
    return marks.length ? `${marks.join("+")}:${n.text}` : n.text;
  }
  const a = n.attrs ?? {};
  const head =
    n.type === "heading"
      ? `h${a.level}`
      : n.type === "codeBlock"
        ? `codeBlock(${a.language ?? ""})`
        : n.type === "figure"
          ? `figure(${a.src})`
          : n.type!;
  return n.content ? { [head]: n.content.map(sketch) } : head;
}
const p = (...c: unknown[]) => ({ paragraph: c });
const li = (...c: unknown[]) => ({ listItem: c });
const cell = (...c: unknown[]) => ({ tableCell: [p(...c)] });

describe("paste from Word 365", () => {
  const r = paste(fixture("word-365.html"));

  test("becomes headings, marks, real nested lists, a simple table and a link: nothing else", () => {
    expect(r.outline).toEqual([
      { h2: ["某VPN设备远程代码执行漏洞分析"] },
      p(
        "研究人员披露了一款流行VPN设备中的",
        "bold:远程代码执行",
        "漏洞，攻击者",
        "italic:无需认证",
        "即可利用，旧版说明已",
        "strike:作废",
        "。",
      ),
      { h2: ["受影响版本"] },
      {
        bulletList: [
          li(p("9.0 之前的全部版本"), { bulletList: [li(p("包括长期支持分支"))] }),
          li(p("9.1.0至9.1.3")),
        ],
      },
      { h2: ["修复步骤"] },
      { orderedList: [li(p("备份配置")), li(p("升级到 9.1.4"))] },
      {
        table: [
          { tableRow: [cell("bold:编号"), cell("bold:评分")] },
          { tableRow: [cell("CVE-2026-12345"), cell("9.8")] },
        ],
      },
      p("详情见", "link(https://vendor.example.com/advisory/2026-01):厂商公告", "。"),
    ]);
  });

  test("Word's markup is gone from the HTML itself, and its file:/// picture is counted", () => {
    for (const junk of [
      "mso-",
      "Mso",
      "o:p",
      "<span",
      "<font",
      "style=",
      "class=",
      "lang=",
      "·",
      "supportLists",
    ])
      expect(r.clean).not.toContain(junk);
    expect(r.removedImages).toBe(1);
  });
});

describe("paste from a news page in Chrome", () => {
  const r = paste(fixture("chrome-news.html"));

  test("keeps the article's structure, drops the page's furniture and external images", () => {
    expect(r.outline).toEqual([
      { h2: ["Critical VPN flaw exploited in the wild"] },
      p("bold:By Jane Doe", "\u00a0·\u00a0November 30, 2026"),
      p("Photo: Example Agency"),
      p(
        "Attackers are exploiting a\u00a0",
        "bold:remote code execution",
        "\u00a0flaw in\u00a0",
        "link(https://vendor.example.com/advisory):a popular VPN appliance",
        ", researchers said on\u00a0",
        "italic:Monday",
        ".",
        "bold: Patch now",
        ", and ",
        "strike:wait",
        " do not wait.",
      ),
      { h2: ["What we know"] },
      {
        bulletList: [
          li(p("The bug is tracked as\u00a0", "code:CVE-2026-12345", ".")),
          li(p("No authentication is required.")),
        ],
      },
      { blockquote: [p("“Patch immediately,” the vendor said.")] },
      { "codeBlock(bash)": ["curl -k https://vpn.example/api/v1/status"] },
      { h4: ["Related"] },
    ]);
    // the lead photo and the tracking pixel
    expect(r.removedImages).toBe(2);
    for (const junk of ["style=", "srcset", "iframe", "svg", "Share", "target="])
      expect(r.clean).not.toContain(junk);
    // the only class left is the code block's language
    expect(r.clean.match(/class="[^"]*"/g)).toEqual(['class="language-bash"']);
  });
});

describe("cleanPastedHtml", () => {
  test("our own images stay, as figures, absolute or not; others are counted", () => {
    const r = paste(
      `<p>a<img src="${ORIGIN}${MEDIA}" alt="x"></p><figure><img src="${MEDIA}"><figcaption>图1</figcaption></figure>` +
        `<p><img src="data:image/png;base64,AAAA"><img src="https://evil.example${MEDIA}"></p>`,
    );
    expect(r.outline).toEqual([p("a"), `figure(${MEDIA})`, `figure(${MEDIA})`]);
    expect(r.removedImages).toBe(2);
  });

  test("our <picture> keeps its WebP renditions; a source with someone else's URLs goes", () => {
    const webp = `/media/cd/${"e".repeat(64)}.webp 480w`;
    const picture = (srcset: string) =>
      `<figure><picture><source type="image/webp" srcset="${srcset}" sizes="100vw"><img src="${MEDIA}" alt="图"></picture></figure>`;
    const schema = articleSchema();
    const srcsetOf = (html: string) => {
      const body = parse(
        `<html><body>${cleanPastedHtml(html, { parse, origin: ORIGIN }).html}</body></html>`,
      ).body;
      return ProseMirrorParser.fromSchema(schema).parse(body).firstChild?.attrs.srcset;
    };
    expect(srcsetOf(picture(webp))).toBe(webp);
    expect(srcsetOf(picture(`${webp}, https://cdn.example/a.webp 960w`))).toBeNull();
  });

  test("scripts, handlers and javascript: links never survive", () => {
    const r = paste(
      `<p onclick="alert(1)">x<script>alert(2)</script><a href="javascript:alert(3)">y</a><a href=" https://ok.example/">z</a></p><style>p{}</style>`,
    );
    expect(r.outline).toEqual([p("xy", "link(https://ok.example/):z")]);
    expect(r.clean).not.toMatch(/alert|onclick|script/);
  });

  test("headings fit under the article title: h1 → h2, h5/h6 → h4", () => {
    const r = paste("<h1>A</h1><h2>B</h2><h3>C</h3><h5>D</h5><h6>E</h6>");
    expect(r.outline).toEqual([{ h2: ["A"] }, { h2: ["B"] }, { h3: ["C"] }, { h4: ["D"] }, { h4: ["E"] }]);
  });

  test("Google Docs' bold wrapper is not bold; its styled spans are marks", () => {
    const r = paste(
      `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1"><p dir="ltr"><span style="font-weight:700">粗</span><span style="font-style:italic">斜</span>正</p></b>`,
    );
    expect(r.outline).toEqual([p("bold:粗", "italic:斜", "正")]);
  });

  test("Word: bullets straight after numbers are two lists; empty spacing paragraphs go", () => {
    const item = (list: string, marker: string, text: string) =>
      `<p class=MsoListParagraph style='mso-list:${list} level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>${marker}<span>&nbsp;</span></span><![endif]>${text}</p>`;
    const r = paste(
      `<html><body><!--StartFragment-->${item("l0", "1.", "一")}${item("l0", "2.", "二")}${item("l1", "·", "甲")}<p class=MsoNormal><o:p>&nbsp;</o:p></p><!--EndFragment--></body></html>`,
    );
    expect(r.outline).toEqual([{ orderedList: [li(p("一")), li(p("二"))] }, { bulletList: [li(p("甲"))] }]);
  });

  test("a copy inside the editor keeps ProseMirror's slice marker", () => {
    const r = cleanPastedHtml(`<p data-pm-slice="1 1 []" class="x">a</p>`, { parse, origin: ORIGIN });
    expect(r.html).toBe(`<p data-pm-slice="1 1 []">a</p>`);
  });
});
