import { describe, expect, it } from "vitest";
import type { CommentThread, PublicComment } from "@/lib/services/public/list-article-comments";
import { mergeOwnComments } from "./merge-own-comments";
import type { OwnComment } from "./use-comment-reader";

const at = (m: number) => new Date(Date.UTC(2026, 11, 2, 10, m));
const pub = (id: string, m: number): PublicComment => ({
  id,
  body: `公开 ${id}`,
  createdAt: at(m),
  editedAt: null,
  deleted: false,
  author: { publicId: "other", displayName: "别人", avatarUrl: null },
});
const own = (id: string, m: number, extra: Partial<OwnComment> = {}): OwnComment => ({
  id,
  parentId: null,
  body: `我的 ${id}`,
  status: "PENDING",
  heldLabel: "先审后发",
  createdAt: at(m),
  editedAt: null,
  editableUntil: null,
  ...extra,
});
const me = { publicId: "me", displayName: "我" };
const mine = (...cs: OwnComment[]) => new Map(cs.map((c) => [c.id, c]));

describe("mergeOwnComments", () => {
  const threads: CommentThread[] = [
    { ...pub("t2", 20), replies: [pub("r1", 21)] },
    { ...pub("t1", 10), replies: [] },
  ];

  it("puts the reader's pending comment first and their pending reply under its thread, oldest first", () => {
    const out = mergeOwnComments(threads, mine(own("p1", 5), own("p2", 25, { parentId: "t2" })), me);
    expect(out.map((t) => t.id)).toEqual(["p1", "t2", "t1"]);
    expect(out[0]!.own?.status).toBe("PENDING");
    expect(out[0]!.author.displayName).toBe("我");
    expect(out[1]!.replies.map((r) => r.id)).toEqual(["r1", "p2"]);
  });

  it("shows the reader's edit over the cached text, and hides what they deleted", () => {
    const edited = own("r1", 21, { status: "APPROVED", body: "改过的", editedAt: at(22), parentId: "t2" });
    const out = mergeOwnComments(threads, mine(edited, own("t1", 10, { status: "DELETED", body: "" })), me);
    expect(out.map((t) => t.id)).toEqual(["t2"]);
    expect(out[0]!.replies[0]!.body).toBe("改过的");
    expect(out[0]!.replies[0]!.editedAt).toEqual(at(22));
  });

  it("keeps a deleted top-level comment as a placeholder while replies hang under it", () => {
    const out = mergeOwnComments(threads, mine(own("t2", 20, { status: "DELETED", body: "" })), me);
    expect(out[0]!.id).toBe("t2");
    expect(out[0]!.deleted).toBe(true);
    expect(out[0]!.body).toBe("");
    expect(out[0]!.replies.map((r) => r.id)).toEqual(["r1"]);
  });

  it("adds an approved comment the cache does not have yet only when newer than the first page", () => {
    const fresh = own("a1", 30, { status: "APPROVED" });
    const old = own("a0", 1, { status: "APPROVED" });
    expect(mergeOwnComments(threads, mine(fresh, old), me).map((t) => t.id)).toEqual(["a1", "t2", "t1"]);
  });

  it("never shows rejected or spam comments", () => {
    const out = mergeOwnComments(
      threads,
      mine(own("x1", 30, { status: "REJECTED" }), own("x2", 31, { status: "SPAM" })),
      me,
    );
    expect(out.map((t) => t.id)).toEqual(["t2", "t1"]);
  });
});
