import { beforeAll, describe, expect, it } from "vitest";
import { COMMENT_SETTING_KEYS } from "@/lib/comments/settings";
import { db } from "@/lib/db";
import { createArticle, createUser } from "@/lib/test/factories";
import { countQueries } from "@/lib/test/query-counter";
import { getCommentState } from "./get-comment-state";
import { listLatestArticles } from "./list-latest-articles";
import { COMMENT_PAGE_SIZE, listArticleComments, type CommentOrder } from "./list-article-comments";

const BASE = Date.UTC(2026, 10, 1);
const TOTAL = 1_000;

/** Every top-level id, page by page through the keyset cursor, as a reader clicking 加载更多 would. */
async function walk(articleId: string, order: CommentOrder) {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await listArticleComments(articleId, order, cursor);
    expect(page.threads.length).toBeLessThanOrEqual(COMMENT_PAGE_SIZE);
    ids.push(...page.threads.map((t) => t.id));
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 200);
  return { ids, pages };
}

describe("an article with 1,000 approved comments", () => {
  let articleId: string;
  let expectedNewest: string[];

  beforeAll(async () => {
    const [a, u] = await Promise.all([createArticle(), createUser()]);
    articleId = a.id;
    // three comments share each second, so page boundaries fall inside ties of createdAt
    const rows = Array.from({ length: TOTAL }, (_, i) => ({
      id: `c${String(i).padStart(5, "0")}${Math.random().toString(36).slice(2, 6)}`,
      articleId: a.id,
      authorId: u.id,
      body: `评论 ${i}`,
      status: "APPROVED" as const,
      createdAt: new Date(BASE + Math.floor(i / 3) * 1000),
    }));
    await db.comment.createMany({ data: rows });
    await db.comment.createMany({
      data: [
        {
          articleId: a.id,
          authorId: u.id,
          body: "待审",
          status: "PENDING",
          createdAt: new Date(BASE + 999_999),
        },
        {
          articleId: a.id,
          authorId: u.id,
          body: "垃圾",
          status: "SPAM",
          createdAt: new Date(BASE + 999_998),
        },
      ],
    });
    await db.article.update({ where: { id: a.id }, data: { commentCount: TOTAL } });
    expectedNewest = rows
      .toSorted((x, y) => y.createdAt.getTime() - x.createdAt.getTime() || (y.id < x.id ? -1 : 1))
      .map((r) => r.id);
  });

  it("renders the first page (count, closed state, threads, replies) in at most 4 statements", async () => {
    const { result, queries } = await countQueries(() =>
      Promise.all([getCommentState(articleId), listArticleComments(articleId, "newest")]),
    );
    const [state, page] = result;
    expect(queries.length).toBeLessThanOrEqual(4);
    expect(state).toEqual({ count: TOTAL, closed: null });
    expect(page.threads.map((t) => t.id)).toEqual(expectedNewest.slice(0, COMMENT_PAGE_SIZE));
    expect(page.nextCursor).not.toBeNull();
    // a later page costs the same as the first
    const later = await countQueries(() => listArticleComments(articleId, "newest", page.nextCursor));
    expect(later.queries.length).toBe(2);
  });

  it("pages through every comment exactly once in both orders, ties at page boundaries included", async () => {
    const newest = await walk(articleId, "newest");
    expect(newest.pages).toBe(TOTAL / COMMENT_PAGE_SIZE);
    expect(newest.ids).toEqual(expectedNewest);
    const oldest = await walk(articleId, "oldest");
    expect(oldest.ids).toEqual(expectedNewest.toReversed());
  });
});

describe("listArticleComments", () => {
  it("keeps a deleted comment with visible replies as a placeholder without its text or author", async () => {
    const [a, u, v] = await Promise.all([createArticle(), createUser(), createUser()]);
    const at = (m: number) => new Date(BASE + m * 60_000);
    const gone = await db.comment.create({
      data: { articleId: a.id, authorId: u.id, body: "", status: "DELETED", createdAt: at(1) },
    });
    await db.comment.create({
      data: {
        articleId: a.id,
        authorId: v.id,
        parentId: gone.id,
        body: "回复",
        status: "APPROVED",
        createdAt: at(2),
      },
    });
    const alone = await db.comment.create({
      data: { articleId: a.id, authorId: u.id, body: "", status: "DELETED", createdAt: at(3) },
    });
    await db.comment.create({
      data: {
        articleId: a.id,
        authorId: v.id,
        parentId: alone.id,
        body: "待审回复",
        status: "PENDING",
        createdAt: at(4),
      },
    });
    const edited = await db.comment.create({
      data: {
        articleId: a.id,
        authorId: v.id,
        body: "改过",
        status: "APPROVED",
        createdAt: at(5),
        editedAt: at(6),
      },
    });

    const { threads } = await listArticleComments(a.id, "newest");
    expect(threads.map((t) => t.id)).toEqual([edited.id, gone.id]);
    expect(threads[0]!.editedAt).toEqual(at(6));
    expect(threads[1]).toMatchObject({ deleted: true, body: "", author: { displayName: "", publicId: "" } });
    expect(threads[1]!.replies.map((r) => r.body)).toEqual(["回复"]);
  });
});

describe("getCommentState", () => {
  it("says whether the article or the whole site closed comments", async () => {
    const a = await createArticle();
    expect((await getCommentState(a.id)).closed).toBeNull();
    await db.article.update({ where: { id: a.id }, data: { commentsClosed: true } });
    expect((await getCommentState(a.id)).closed).toBe("article");
    await db.siteSetting.upsert({
      where: { key: COMMENT_SETTING_KEYS.enabled },
      create: { key: COMMENT_SETTING_KEYS.enabled, value: false },
      update: { value: false },
    });
    try {
      expect((await getCommentState(a.id)).closed).toBe("site");
    } finally {
      await db.siteSetting.delete({ where: { key: COMMENT_SETTING_KEYS.enabled } });
    }
    await db.article.update({ where: { id: a.id }, data: { commentsClosed: false } });
    expect((await getCommentState(a.id)).closed).toBeNull();
  });
});

describe("article cards", () => {
  it("carry the approved comment count the write services keep (Article.commentCount)", async () => {
    const a = await createArticle({ publishedAt: new Date(Date.now() - 1000) });
    await db.article.update({ where: { id: a.id }, data: { commentCount: 7 } });
    const { items } = await listLatestArticles(null, 50);
    expect(items.find((c) => c.publicId === a.publicId)?.commentCount).toBe(7);
  });
});
