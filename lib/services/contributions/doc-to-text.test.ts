import { describe, expect, it } from "vitest";
import { docToText } from "./doc-to-text";
import { textToDoc } from "./submit-contribution";

describe("docToText", () => {
  it("is textToDoc's inverse for plain paragraphs", () => {
    const text = "第一段。\n\n第二段，较长的一段。";
    expect(docToText(textToDoc(text))).toBe(text);
  });
  it("flattens what an editor may have added: headings, lists, quotes, line breaks", () => {
    const doc = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "标题" }] },
        {
          type: "bulletList",
          content: [
            { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "一" }] }] },
            { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "二" }] }] },
          ],
        },
        {
          type: "paragraph",
          content: [{ type: "text", text: "甲" }, { type: "hardBreak" }, { type: "text", text: "乙" }],
        },
        { type: "paragraph" },
      ],
    };
    expect(docToText(doc)).toBe("标题\n\n一\n\n二\n\n甲\n乙");
  });
});
