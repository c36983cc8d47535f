import type { JSONContent } from "@tiptap/core";
import { EditorState, type Transaction } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { articleSchema } from "@/lib/content/schema";
import { findLiveIocUrls } from "@/lib/ioc/live-urls";
import { bodyBlocks, moveUrlsToIocBlock } from "./move-live-urls";

function editorWith(content: JSONContent[]) {
  const doc = articleSchema().nodeFromJSON({ type: "doc", content });
  const editor = {
    state: EditorState.create({ doc }),
    view: { dispatch: (tr: Transaction) => void (editor.state = editor.state.apply(tr)) },
  };
  return editor;
}
const p = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
const t = (text: string, href?: string): JSONContent =>
  href ? { type: "text", text, marks: [{ type: "link", attrs: { href } }] } : { type: "text", text };

describe("moving live URLs into an IOC block", () => {
  it("defangs them in the body, drops their links and adds them to a new block at the end", () => {
    const e = editorWith([
      p(
        t("C2 位于 "),
        t("http://198.51.100.7:8080/gate", "http://198.51.100.7:8080/gate"),
        t("，另见 "),
        t("这里", "https://evil.example.top/a"),
      ),
      p(t("参考 https://nvd.nist.gov/")),
    ]);
    const found = findLiveIocUrls(bodyBlocks(e.state.doc)).map((f) => f.url);
    expect(found).toEqual(["http://198.51.100.7:8080/gate", "https://evil.example.top/a"]);
    moveUrlsToIocBlock(e, found);
    const json = e.state.doc.toJSON() as JSONContent;
    expect(json.content![0]).toEqual(p(t("C2 位于 hxxp://198[.]51[.]100[.]7:8080/gate，另见 这里")));
    expect(json.content![1]).toEqual(p(t("参考 https://nvd.nist.gov/")));
    expect(json.content![2]).toEqual({
      type: "iocBlock",
      attrs: {
        items: [
          { type: "url", value: "http://198.51.100.7:8080/gate", context: "", malicious: true },
          { type: "url", value: "https://evil.example.top/a", context: "", malicious: true },
        ],
      },
    });
    expect(findLiveIocUrls(bodyBlocks(e.state.doc))).toEqual([]);
  });

  it("appends to the first existing block, without duplicates", () => {
    const row = { type: "url", value: "http://evil.example.top/", context: "旧", malicious: true };
    const e = editorWith([
      { type: "iocBlock", attrs: { items: [row] } },
      p(t("恶意 http://evil.example.top/ 和 http://1.2.3.4/x")),
    ]);
    moveUrlsToIocBlock(e, ["http://evil.example.top/", "http://1.2.3.4/x"]);
    const json = e.state.doc.toJSON() as JSONContent;
    expect(json.content).toHaveLength(2);
    expect(json.content![0]!.attrs!.items).toEqual([
      row,
      { type: "url", value: "http://1.2.3.4/x", context: "", malicious: true },
    ]);
    expect(json.content![1]).toEqual(p(t("恶意 hxxp://evil[.]example[.]top/ 和 hxxp://1[.]2[.]3[.]4/x")));
  });
});
