import { afterEach, describe, expect, it } from "vitest";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { createArticle, createUser } from "@/lib/test/factories";
import { invalidated } from "@/lib/test/next-mocks";
import {
  clearCommentLimits,
  newKey,
  reader,
  resetCommentSettings,
  setCommentSettings,
} from "./comment-test-kit";
import { activeCommentBan } from "./comment-ban-status";
import { createComment } from "./create-comment";

afterEach(resetCommentSettings);

const post = (me: Awaited<ReturnType<typeof reader>>, publicId: string, body: string, extra = {}) =>
  createComment(
    me,
    { publicId, body, idempotencyKey: newKey(), ...extra },
    { ip: "127.0.0.1", userAgent: "test" },
  );

describe("createComment", () => {
  it("stores a pending comment as written (trimmed), with the rule that held it and its key", async () => {
    const me = await reader();
    const a = await createArticle();
    const key = newKey();
    const r = await createComment(me, {
      publicId: a.publicId,
      body: "  很有价值的分析  ",
      idempotencyKey: key,
    });
    expect(r).toEqual({
      id: expect.any(String),
      status: "PENDING",
      heldBy: "premoderation",
      duplicate: false,
    });
    expect(await db.comment.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({
      body: "很有价值的分析",
      status: "PENDING",
      heldBy: "premoderation",
      authorId: me.id,
      parentId: null,
      idempotencyKey: key,
    });
    expect((await db.article.findUniqueOrThrow({ where: { id: a.id } })).commentCount).toBe(0);
  });

  it("attaches a reply to the thread's top-level comment and refuses unapproved parents", async () => {
    const [me, other] = await Promise.all([reader(), reader()]);
    const a = await createArticle();
    const top = await db.comment.create({
      data: { articleId: a.id, authorId: other.id, body: "顶层", status: "APPROVED" },
    });
    const reply = await db.comment.create({
      data: { articleId: a.id, authorId: other.id, parentId: top.id, body: "回复", status: "APPROVED" },
    });
    const pending = await db.comment.create({
      data: { articleId: a.id, authorId: other.id, body: "待审", status: "PENDING" },
    });
    const r = await post(me, a.publicId, "回复的回复", { parentId: reply.id });
    expect((await db.comment.findUniqueOrThrow({ where: { id: r.id } })).parentId).toBe(top.id);
    await clearCommentLimits(me.id);
    await expect(post(me, a.publicId, "不行", { parentId: pending.id })).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { parentId: ["要回复的评论不存在。"] },
    });
    // the refusal spent no limit point: the next comment goes through at once
    await expect(post(me, a.publicId, "可以")).resolves.toMatchObject({ status: "PENDING" });
  });

  it("validates and authorizes", async () => {
    const a = await createArticle();
    const draft = await createArticle({ status: "DRAFT" });
    const key = newKey();
    await expect(
      createComment(null, { publicId: a.publicId, body: "匿名", idempotencyKey: key }),
    ).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    const me = await reader();
    await expect(post(me, a.publicId, " ")).rejects.toMatchObject({ name: "ZodError" });
    await expect(post(me, a.publicId, "x".repeat(2001))).rejects.toMatchObject({
      name: "ZodError",
      issues: [expect.objectContaining({ message: "评论不能超过 2000 字，请删减后再发表。" })],
    });
    await expect(
      createComment(me, { publicId: a.publicId, body: "好文", idempotencyKey: "short" }),
    ).rejects.toMatchObject({ name: "ZodError" });
    await expect(post(me, draft.publicId, "草稿")).rejects.toMatchObject({ code: "NOT_FOUND" });
    const removed = await createArticle();
    await db.article.update({ where: { id: removed.id }, data: { deletedAt: new Date() } });
    await expect(post(me, removed.publicId, "已删除的文章")).rejects.toMatchObject({ code: "NOT_FOUND" });
    // 2,000 characters exactly (counted in code points, as varchar counts) are fine
    await expect(post(me, a.publicId, "🔐".repeat(2000))).resolves.toMatchObject({ status: "PENDING" });
  });
});

describe("limits", () => {
  it("allow one comment per 15 s per account, saying when to retry, and exactly one of 50 parallel posts", async () => {
    const me = await reader();
    const a = await createArticle();
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => post(me, a.publicId, `刷屏第 ${i} 条`)),
    );
    const refused = results.filter((r) => r.status === "rejected");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of refused)
      expect(r.reason).toMatchObject({
        code: "RATE_LIMITED",
        message: expect.stringMatching(/^发评论太快了，请在 1?\d 秒后再试。$/),
        retryAfterSeconds: expect.any(Number),
      });
    expect(await db.comment.count({ where: { authorId: me.id, articleId: a.id } })).toBe(1);
    // refused attempts did not spend the longer allowances
    const [day] = await db.$queryRaw<{ points: number }[]>`
      SELECT points FROM rate_limits WHERE key = ${`comment:day:${me.id}`}`;
    expect(day?.points).toBe(1);
  });

  it("allow 10 per 10 minutes, 50 a day per account and 100 an hour per IP", async () => {
    const a = await createArticle();
    const future = BigInt(Date.now() + 5 * 60_000);
    const cases = [
      ["10min", "10 分钟内最多发 10 条评论，请在 5 分钟后再试。", 10],
      ["day", "每天最多发 50 条评论，请在 5 分钟后再试。", 50],
    ] as const;
    for (const [rule, message, limit] of cases) {
      const me = await reader();
      await db.$executeRaw`INSERT INTO rate_limits (key, points, "windowEndsAt") VALUES (${`comment:${rule}:${me.id}`}, ${limit}, ${future})`;
      await expect(post(me, a.publicId, "又一条")).rejects.toMatchObject({ code: "RATE_LIMITED", message });
    }
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}`;
    await db.$executeRaw`INSERT INTO rate_limits (key, points, "windowEndsAt") VALUES (${`comment:ip:${ip}`}, 100, ${future})
      ON CONFLICT (key) DO UPDATE SET points = 100, "windowEndsAt" = ${future}`;
    const me = await reader();
    await expect(
      createComment(me, { publicId: a.publicId, body: "同一网络", idempotencyKey: newKey() }, { ip }),
    ).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: "你所在的网络发出的评论太多了，请在 5 分钟后再试。",
    });
    // one more below the limit passes
    const other = await reader();
    await expect(
      createComment(
        other,
        { publicId: a.publicId, body: "另一网络", idempotencyKey: newKey() },
        { ip: "192.0.2.1" },
      ),
    ).resolves.toMatchObject({ status: "PENDING" });
  });
});

describe("idempotency", () => {
  it("answers a replayed key with the stored comment: one row, no second limit point", async () => {
    const me = await reader();
    const a = await createArticle();
    const input = { publicId: a.publicId, body: "只发一次", idempotencyKey: newKey() };
    const first = await createComment(me, input);
    const again = await createComment(me, input);
    expect(again).toEqual({ ...first, duplicate: true });
    // twenty at once, after the first and before it
    const key2 = { ...input, body: "并发重放", idempotencyKey: newKey() };
    await clearCommentLimits(me.id);
    const burst = await Promise.all(Array.from({ length: 20 }, () => createComment(me, key2)));
    expect(new Set(burst.map((r) => r.id)).size).toBe(1);
    expect(burst.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(await db.comment.count({ where: { authorId: me.id, articleId: a.id } })).toBe(2);
    const [burstLimit] = await db.$queryRaw<{ points: number }[]>`
      SELECT points FROM rate_limits WHERE key = ${`comment:15s:${me.id}`}`;
    expect(burstLimit?.points).toBe(1);
  });

  it("refuses a key reused on another article or for a deleted comment", async () => {
    const me = await reader();
    const [a, b] = await Promise.all([createArticle(), createArticle()]);
    const idempotencyKey = newKey();
    const first = await createComment(me, { publicId: a.publicId, body: "第一篇", idempotencyKey });
    await expect(
      createComment(me, { publicId: b.publicId, body: "第二篇", idempotencyKey }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await db.comment.update({ where: { id: first.id }, data: { status: "DELETED", body: "" } });
    await expect(
      createComment(me, { publicId: a.publicId, body: "第一篇", idempotencyKey }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});

describe("rules through the service", () => {
  it("publishes a trusted reader at once: counted, invalidated, the article's author and the parent's author notified", async () => {
    await setCommentSettings({ mode: "trusted" });
    const [me, parentAuthor] = await Promise.all([reader(), reader()]);
    const author = await createUser({ role: "EDITOR" });
    const a = await createArticle({ authorId: author.id });
    const top = await db.comment.create({
      data: { articleId: a.id, authorId: parentAuthor.id, body: "顶层", status: "APPROVED" },
    });
    invalidated.length = 0;
    const r = await post(me, a.publicId, "同意楼上", { parentId: top.id });
    expect(r).toMatchObject({ status: "APPROVED", heldBy: null, duplicate: false });
    expect((await db.article.findUniqueOrThrow({ where: { id: a.id } })).commentCount).toBe(1);
    expect(invalidated).toEqual(expect.arrayContaining([tags.comments(a.id), tags.latestComments()]));
    const notices = await db.notification.findMany({ where: { articleId: a.id }, select: { userId: true } });
    expect(notices.map((n) => n.userId).sort()).toEqual([author.id, parentAuthor.id].sort());
  });

  it("holds links, rejects blocked words, holds duplicates, each naming the rule", async () => {
    await setCommentSettings({
      mode: "trusted",
      blockedWords: [
        { word: "博彩", action: "reject" },
        { word: "spam", action: "hold" },
      ],
    });
    const me = await reader();
    const a = await createArticle();
    const next = async (body: string) => {
      await clearCommentLimits(me.id);
      const r = await post(me, a.publicId, body);
      return { ...r, row: await db.comment.findUniqueOrThrow({ where: { id: r.id } }) };
    };
    expect(await next("一条普通评论")).toMatchObject({ status: "APPROVED" });
    expect(await next(" 一条\u200B普通评论 ")).toMatchObject({ status: "PENDING", heldBy: "duplicate" });
    expect(await next("详见 example。com")).toMatchObject({
      status: "PENDING",
      heldBy: "link",
      row: { heldDetail: "example。com" },
    });
    expect(await next("ＳＰＡＭ here")).toMatchObject({
      status: "PENDING",
      heldBy: "blocked_word",
      row: { heldDetail: "spam" },
    });
    // last: a rejected comment ends the reader's trusted standing
    expect(await next("线上博\u200B彩，注册就送")).toMatchObject({
      status: "REJECTED",
      row: { heldBy: "blocked_word", heldDetail: "博彩", status: "REJECTED" },
    });
    expect(await next("又一条普通评论")).toMatchObject({ status: "PENDING", heldBy: "premoderation" });
    expect((await db.article.findUniqueOrThrow({ where: { id: a.id } })).commentCount).toBe(1);
  });

  it("refuses closed articles and the site-wide switch, checked under the article's lock", async () => {
    const me = await reader();
    const a = await createArticle();
    await db.article.update({ where: { id: a.id }, data: { commentsClosed: true } });
    await expect(post(me, a.publicId, "关了吗")).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "本文已关闭评论。",
    });
    const open = await createArticle();
    await setCommentSettings({ enabled: false });
    await expect(post(me, open.publicId, "关了吗")).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "本站评论已关闭。",
    });
    await resetCommentSettings();

    // An editor closes comments while the post is on its way: the post waits for the editor's
    // transaction and is refused after it commits, though it read the article open before.
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const editor = db.$transaction(async (tx) => {
      await tx.article.update({ where: { id: open.id }, data: { commentsClosed: true } });
      await released;
    });
    await clearCommentLimits(me.id);
    const posting = post(me, open.publicId, "赶在关闭前").then(
      () => "stored",
      (e: { message: string }) => e.message,
    );
    await waitFor(async () => {
      const [row] = await db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FROM articles WHERE id%FOR%'`;
      return row!.n > 0;
    });
    release();
    await editor;
    expect(await posting).toBe("本文已关闭评论。");
    expect(await db.comment.count({ where: { articleId: open.id } })).toBe(0);
  });

  it("refuses a banned reader with the reason and the end, and lets them post once lifted or expired", async () => {
    const me = await reader();
    const mod = await createUser({ role: "EDITOR" });
    const a = await createArticle();
    const ban = await db.commentBan.create({
      data: { userId: me.id, reason: "多次发布广告", createdById: mod.id },
    });
    await expect(post(me, a.publicId, "我又来了")).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "你已被禁止评论：多次发布广告（永久）",
    });
    await db.commentBan.update({ where: { id: ban.id }, data: { liftedAt: new Date() } });
    await db.commentBan.create({
      data: {
        userId: me.id,
        reason: "刷屏",
        createdById: mod.id,
        expiresAt: new Date("2099-01-02T04:00:00Z"),
      },
    });
    await expect(post(me, a.publicId, "我又来了")).rejects.toMatchObject({
      message: "你已被禁止评论：刷屏（至 2099-01-02 12:00）",
    });
    // overlapping bans: the one for good is the one in force
    const forGood = await db.commentBan.create({
      data: { userId: me.id, reason: "永久", createdById: mod.id },
    });
    expect(await activeCommentBan(me.id)).toMatchObject({ id: forGood.id, expiresAt: null });
    await db.commentBan.update({ where: { id: forGood.id }, data: { liftedAt: new Date() } });
    await db.commentBan.updateMany({
      where: { userId: me.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expect(post(me, a.publicId, "我又来了")).resolves.toMatchObject({ status: "PENDING" });
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}
