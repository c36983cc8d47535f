import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { CommentThread, PublicComment } from "@/lib/services/public/list-article-comments";
import { CommentList } from "./comment-list";

const comment = (id: string, body: string, extra: Partial<PublicComment> = {}): PublicComment => ({
  id,
  body,
  createdAt: new Date("2026-12-02T10:00:00Z"),
  editedAt: null,
  deleted: false,
  author: { publicId: "p1", displayName: "读者", avatarUrl: null },
  ...extra,
});
const thread = (c: PublicComment, replies: PublicComment[] = []): CommentThread => ({ ...c, replies });
const render = (threads: CommentThread[]) => renderToStaticMarkup(createElement(CommentList, { threads }));
const tagsOf = (html: string) => [...html.matchAll(/<([a-z][a-z0-9]*)/g)].map((m) => m[1]);

const HOSTILE = [
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  '<a href="javascript:alert(1)">点我</a>',
  "javascript:alert(document.cookie)",
  "\u202Egnp.exe 反转文字",
  "长".repeat(10_000),
];

describe("comment rendering is inert", () => {
  it("renders hostile bodies as text: no element, attribute or URL comes from the text", () => {
    for (const body of HOSTILE) {
      const html = render([thread(comment("c1", body))]);
      expect(tagsOf(html), body.slice(0, 30)).toEqual(["ol", "li", "div", "div", "a", "time", "p"]);
      expect(html).not.toMatch(/<script|<img|\sonerror="|href="javascript:/i);
      const escaped = body
        .replaceAll("&", "&amp;")
        .replaceAll("<", "&lt;")
        .replaceAll(">", "&gt;")
        .replaceAll('"', "&quot;");
      expect(html).toContain(escaped);
    }
  });

  it("isolates the text's direction, so a right-to-left override cannot flip the name, time or buttons", () => {
    const html = render([
      thread(
        comment("c1", "\u202E反转", {
          author: { publicId: "p1", displayName: "\u202E名字", avatarUrl: null },
        }),
      ),
    ]);
    expect(html).toMatch(/<p class="s-comment \[unicode-bidi:isolate\]" dir="auto"[^>]*>\u202E反转<\/p>/);
    expect(html).toMatch(/<a[^>]*dir="auto"[^>]*>\u202E名字<\/a>/);
  });

  it("shows 已编辑 on an edited comment and 该评论已删除 without name or text for a deleted parent", () => {
    const edited = render([thread(comment("c1", "改过", { editedAt: new Date() }))]);
    expect(edited).toContain("已编辑");
    const gone = render([
      thread(
        comment("c2", "", { deleted: true, author: { publicId: "", displayName: "", avatarUrl: null } }),
        [comment("r1", "回复还在")],
      ),
    ]);
    expect(gone).toContain("该评论已删除");
    expect(gone).toContain("回复还在");
    expect(gone).toContain('aria-label="对 已删除评论 的回复"');
  });
});
