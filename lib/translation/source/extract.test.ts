import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { normalizeTiptapDoc } from "@/lib/services/articles/body-schema";
import { extractSource } from "./extract";

const page = (name: string) =>
  readFileSync(path.join(import.meta.dirname, "../../test/source-fixtures/pages", `${name}.html`), "utf8");
const BASE = "https://news.example/2026/11/";
const kinds = (name: string) => extractSource(page(name), BASE + name).segments.map((s) => s.kind);

describe("extractSource on the fixture articles", () => {
  it("reads attribution from JSON-LD and Open Graph (advisory with lists)", () => {
    const x = extractSource(page("ransomware-advisory"), BASE + "advisory");
    expect(x).toMatchObject({
      title: "GlassWasp ransomware hits regional hospitals: what the joint advisory says",
      author: "Maren Holt",
      siteName: "Northwind Security Desk",
      publishedAt: new Date("2026-11-18T09:30:00Z"),
      leadImageUrl: "https://news.example/images/glasswasp-lead.png",
      excerpt: expect.stringContaining("joint advisory lists"),
    });
    expect(x.segments.filter((s) => s.kind === "LIST_ITEM").map((s) => s.node?.attrs?.list)).toEqual([
      ...Array(5).fill("bullet"),
      ...Array(4).fill("ordered"),
    ]);
    // the title's own <h1> is not repeated as a segment
    expect(x.segments[0]).toEqual({ kind: "PARAGRAPH", text: expect.stringMatching(/^A joint advisory/) });
    expect(x.segments.map((s) => s.text).join(" ")).not.toMatch(/All rights reserved|Subscribe|Privacy/);
  });

  it("keeps code blocks whole with their language, and drops the 'By' line (PoC write-up)", () => {
    const x = extractSource(page("poc-writeup"), BASE + "poc");
    expect(x.author).toBe("Dev Okafor");
    expect(x.siteName).toBe("Patchline");
    expect(x.publishedAt).toEqual(new Date("2026-10-02T14:05:00Z"));
    const code = x.segments.filter((s) => s.kind === "CODE");
    expect(code.map((c) => c.node?.attrs?.language)).toEqual(["python", "diff", null]);
    expect(code[1]!.text).toContain("+    if token and hmac.compare_digest(token, expected):");
    for (const c of code)
      expect(normalizeTiptapDoc({ type: "doc", content: [c.node!] })).toHaveProperty("doc");
    expect(x.segments.some((s) => /^By Dev Okafor$/.test(s.text))).toBe(false);
    expect(x.segments.map((s) => s.text).join(" ")).toContain(
      "9f2c4e1a7b3d5f60182736455a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7",
    );
  });

  it("makes figures and inline images IMAGE segments with absolute addresses (malware analysis)", () => {
    const x = extractSource(page("malware-analysis"), BASE + "quill");
    const images = x.segments.filter((s) => s.kind === "IMAGE").map((s) => s.node?.attrs);
    expect(images).toEqual([
      {
        src: "https://news.example/media/quill/infection-chain.png",
        alt: "Diagram of the Quillstealer infection chain",
        caption: "Figure 1. The infection chain, from the fake download page to the exfiltration server.",
      },
      {
        src: "https://news.example/2026/11/images/loader-strings.png",
        alt: "Decrypted strings of the loader",
        caption: "Figure 2. Strings decrypted from the loader, with the server list.",
      },
      {
        src: "https://kestrel.example/media/quill/panel.png",
        alt: "Screenshot of the operator panel",
        caption: "",
      },
    ]);
    expect(x.author).toBe("Ilse Varga and Tomás Reyes");
  });

  it("keeps the table whole as a schema-valid table node (patch Tuesday)", () => {
    const x = extractSource(page("patch-tuesday"), BASE + "pt");
    expect(x.author).toBe("Priya Raman"); // JSON-LD in an array beside a BreadcrumbList
    const [table] = x.segments.filter((s) => s.kind === "TABLE");
    expect(table!.text.split("\n")).toEqual([
      "CVE | Component | CVSS | Status",
      "CVE-2026-50117 | Kernel driver | 7.8 | Exploited",
      "CVE-2026-50231 | Print service | 8.8 | Exploited",
      "CVE-2026-50302 | Remote desktop | 9.8 | Publicly disclosed",
      "CVE-2026-50415 | Mail client preview | 8.1 | Not exploited",
    ]);
    expect(normalizeTiptapDoc({ type: "doc", content: [table!.node!] })).toHaveProperty("doc");
    expect(kinds("patch-tuesday")).toContain("QUOTE");
  });

  it("takes the paywall's teaser and its attribution", () => {
    const x = extractSource(page("paywall"), BASE + "paywall");
    expect(x.title).toBe("Exclusive: the breach behind the Meridian Bank outage");
    expect(x.author).toBe("Hana Sato");
    expect(x.segments[0]!.text).toMatch(/^Internal documents seen by Ledger Security Weekly/);
    expect(x.segments.length).toBeLessThanOrEqual(3);
  });
});

describe("extractSource on pages without an article", () => {
  const refusal = (html: string) => {
    try {
      extractSource(html, BASE);
    } catch (e) {
      return e;
    }
    return null;
  };

  it.each([
    ["empty", page("empty")],
    ["broken", page("broken")],
    ["blank", ""],
    ["binary-ish", "\u0000\u0001PNG\u001a"],
    ["only images", `<article><p><img src="https://x.example/a.png"></p></article>`],
  ])("%s ends in INVALID with a paste hint", (_name, html) => {
    const e = refusal(html);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe("INVALID");
    expect((e as AppError).message).toMatch(/没有从该页面提取到正文.*粘贴原文/);
  });

  it.each([
    ["nested 100,000 deep", "<div>".repeat(100_000) + "<p>text</p>"],
    ["40,000 elements", "<p>a</p>".repeat(40_000)],
  ])("refuses a page too complex to extract (%s) before readability runs", (_name, html) => {
    expect(() => extractSource(html, BASE)).toThrow(/结构过于复杂.*粘贴原文/);
  });

  it("ignores dates a page got wrong and author fields that are URLs", () => {
    const html = `<html><head><meta property="article:published_time" content="0000-00-00">
      <meta property="article:author" content="https://facebook.com/someone"></head>
      <body><article><p>${"A real paragraph of article text. ".repeat(20)}</p></article></body></html>`;
    const x = extractSource(html, "https://www.example.org/a");
    expect(x.publishedAt).toBeNull();
    expect(x.author).toBeNull();
    expect(x.siteName).toBe("www.example.org");
  });
});
