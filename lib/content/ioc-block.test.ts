import type { JSONContent } from "@tiptap/core";
import { DOMParser as ProseMirrorParser } from "@tiptap/pm/model";
import { DOMParser as LinkedomParser } from "linkedom";
import { describe, expect, it } from "vitest";
import { escapeHtmlAttribute } from "@/lib/escape/html";
import { cleanPastedHtml } from "./paste/clean-html";
import { articleSchema } from "./schema";

const parse = (html: string) =>
  new LinkedomParser().parseFromString(html, "text/html") as unknown as Document;

/** Clipboard HTML as the editor's paste reads it: cleaned, then parsed by the article schema. */
function paste(html: string): JSONContent[] {
  const { html: clean } = cleanPastedHtml(html, { parse, origin: "https://byline.example" });
  const body = parse(`<html><body>${clean}</body></html>`).body;
  return (ProseMirrorParser.fromSchema(articleSchema()).parse(body).toJSON() as JSONContent).content ?? [];
}
const copied = (items: unknown) =>
  `<div data-ioc-items="${escapeHtmlAttribute(JSON.stringify(items))}" onclick="x()"><pre>域名 evil[.]example</pre></div>`;

describe("IOC block: copy and paste inside the editor", () => {
  it("comes back as the same block", () => {
    const items = [
      { type: "domain", value: "evil.example", context: "C2", malicious: true },
      { type: "ipv6", value: "2001:db8::1", context: "", malicious: false },
    ];
    expect(paste(copied(items))).toEqual([{ type: "iocBlock", attrs: { items } }]);
  });

  it("keeps only rows that validate, normalised; broken JSON is not a block", () => {
    const rows = [
      { type: "domain", value: "EVIL.example", context: "", malicious: true },
      { type: "url", value: "javascript:alert(1)", context: "", malicious: true },
      { type: "domain", value: "x.example", context: "", malicious: true, extra: 1 },
    ];
    expect(paste(copied(rows))).toEqual([
      {
        type: "iocBlock",
        attrs: { items: [{ type: "domain", value: "evil.example", context: "", malicious: true }] },
      },
    ]);
    expect(paste(`<div data-ioc-items="{oops"><p>正文</p></div>`).map((n) => n.type)).toEqual(["paragraph"]);
  });
});
