import { describe, expect, it } from "vitest";
import { actionLabel, metaSummary, targetHref } from "./audit-labels";

describe("audit labels", () => {
  it("names known actions in zh-CN and shows unknown keys as they are", () => {
    expect(actionLabel("user.suspend")).toBe("停用账号");
    expect(actionLabel("something.new")).toBe("something.new");
    expect(actionLabel("comment.ban")).toBe("禁言");
  });

  it("summarises old → new first, then the rest of the meta as text", () => {
    expect(metaSummary({ from: "READER", to: "EDITOR" })).toBe('"READER" → "EDITOR"');
    expect(
      metaSummary({ from: "ACTIVE", to: "SUSPENDED", reason: "<b>广告</b>", previousReason: null }),
    ).toBe('"ACTIVE" → "SUSPENDED"；reason: <b>广告</b>');
    expect(metaSummary(null)).toBe("");
    expect(metaSummary("x".repeat(600))).toHaveLength(500); // long meta never floods the table
  });

  it("links targets that have a staff page, escaping ids", () => {
    expect(targetHref("user", "a/b")).toBe("/admin/users/a%2Fb");
    expect(targetHref("article", "c1")).toBe("/editor/articles/c1");
    expect(targetHref("commentRules", null)).toBe("/admin/comments/rules");
    expect(targetHref("test", "1")).toBeNull();
    expect(targetHref(null, null)).toBeNull();
  });
});
