import { describe, expect, it } from "vitest";
import type { CommentThread } from "@/lib/services/public/list-article-comments";
import { oldestIsNewestReversed } from "./comment-list";

const thread = (id: string, at: string): CommentThread => ({
  id,
  body: id,
  createdAt: new Date(at),
  author: { publicId: "p", displayName: "读者", avatarUrl: null },
  replies: [],
});

describe("oldestIsNewestReversed", () => {
  it("is true for distinct times under the limit, and for no comments", () => {
    expect(
      oldestIsNewestReversed([thread("b", "2026-12-02T10:00:01Z"), thread("a", "2026-12-02T10:00:00Z")]),
    ).toBe(true);
    expect(oldestIsNewestReversed([])).toBe(true);
  });

  it("is false when two threads share a time: the id tie-break is the same in both orders", () => {
    expect(
      oldestIsNewestReversed([thread("a", "2026-12-02T10:00:00Z"), thread("b", "2026-12-02T10:00:00Z")]),
    ).toBe(false);
  });

  it("is false when the list is full: older comments past the limit would lead the oldest-first list", () => {
    const full = Array.from({ length: 3 }, (_, i) => thread(`t${i}`, `2026-12-02T10:00:0${3 - i}Z`));
    expect(oldestIsNewestReversed(full, 3)).toBe(false);
    expect(oldestIsNewestReversed(full, 4)).toBe(true);
  });
});
