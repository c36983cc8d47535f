import { describe, expect, it } from "vitest";
import { backupDiffers, changesBetween, type DraftFields } from "./draft-fields";

const fields: DraftFields = {
  title: "标题",
  lede: "",
  categoryId: 1,
  tags: ["勒索软件"],
  coverUrl: "",
  coverAlt: "",
  coverCaption: "",
  seoTitle: "",
  seoDescription: "",
  sourceUrl: "",
  sourceTitle: "",
  sourceAuthor: "",
  sourceSite: "",
  sourcePublishedAt: "",
  sourceText: "",
};
const body = JSON.stringify({ type: "doc", content: [] });

describe("changesBetween", () => {
  it("sends only the fields that changed, and the body only when it changed", () => {
    expect(changesBetween({ fields, body }, { fields, body })).toBeNull();
    expect(
      changesBetween(
        { fields, body },
        { fields: { ...fields, title: "新标题", tags: ["勒索软件", "CVE"] }, body },
      ),
    ).toEqual({ title: "新标题", tags: ["勒索软件", "CVE"] });
    const newBody = JSON.stringify({ type: "doc", content: [{ type: "paragraph" }] });
    expect(changesBetween({ fields, body }, { fields, body: newBody })).toEqual({
      body: JSON.parse(newBody),
    });
  });
});

describe("backupDiffers", () => {
  it("looks only at what the user changed", () => {
    const server = { fields: { ...fields, title: "别人改的标题" }, body };
    const backup = { fields: { ...fields, lede: "我的导语" }, body, changed: ["lede"] };
    expect(backupDiffers(backup, server)).toBe(true);
    expect(backupDiffers(backup, { ...server, fields: { ...server.fields, lede: "我的导语" } })).toBe(false);
  });
});
