import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { RateLimiter } from "@/lib/security/rate-limit";
import { absoluteUrl } from "@/lib/site-url";
import { createArticle, createUser } from "@/lib/test/factories";
import "@/lib/test/next-mocks";
import { createActor, fromIp } from "../admin/test-helpers";
import { exportUserData } from "./export-user-data";

async function text(chunks: AsyncIterable<string>) {
  let out = "";
  for await (const c of chunks) out += c;
  return out;
}

const actorOf = (u: Awaited<ReturnType<typeof createUser>>) => ({
  id: u.id,
  role: u.role,
  status: u.status,
  displayName: u.profile!.displayName,
  publicId: u.profile!.publicId,
});

const RECOVERY_HASH = "f00dfeed".repeat(8);

/** A reader with one of everything, plus another reader's rows on the same article. */
async function fixture() {
  const reader = await createUser({ displayName: "导出读者", bio: "简介" });
  await db.user.update({
    where: { id: reader.id },
    data: { totpSecret: "SEALED-TOTP-SECRET", totpEnabledAt: new Date(), sessionVersion: 7 },
  });
  await db.recoveryCode.create({
    data: { userId: reader.id, salt: "5a17".repeat(8), codeHash: RECOVERY_HASH },
  });
  const other = await createUser({ displayName: "别人" });
  const article = await createArticle({ title: "被评论的文章" });
  const mine = await db.comment.create({
    data: {
      articleId: article.id,
      authorId: reader.id,
      body: "我的评论",
      status: "APPROVED",
      ip: "203.0.113.7",
    },
  });
  const spam = await db.comment.create({
    data: {
      articleId: article.id,
      authorId: reader.id,
      body: "被标为垃圾的评论",
      status: "SPAM",
      parentId: mine.id,
    },
  });
  await db.comment.create({ data: { articleId: article.id, authorId: other.id, body: "别人的评论" } });
  await db.bookmark.create({ data: { userId: reader.id, articleId: article.id } });
  await db.bookmark.create({ data: { userId: other.id, articleId: article.id } });
  const draft = await createArticle({ authorId: reader.id, status: "IN_REVIEW", title: "我的投稿" });
  await db.article.update({ where: { id: draft.id }, data: { isContribution: true } });
  await db.notification.create({
    data: { userId: reader.id, kind: "comment.approved", title: "评论已通过" },
  });
  await db.notification.create({ data: { userId: other.id, kind: "comment.approved", title: "别人的通知" } });
  return { reader, other, article, mine, spam, draft };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

describe("user data export", () => {
  it("holds exactly the user's own data and no secrets", async () => {
    const f = await fixture();
    const user = await db.user.findUniqueOrThrow({ where: { id: f.reader.id }, include: { profile: true } });
    const draft = await db.article.findUniqueOrThrow({ where: { id: f.draft.id } });
    const out = await fromIp("203.0.113.8", () =>
      exportUserData(actorOf(f.reader), f.reader.id, "own", new RateLimiter()),
    );
    expect(out.filename).toMatch(new RegExp(`^byline-data-${user.profile!.publicId}-\\d{8}\\.json$`));
    const json = await text(out.chunks);
    for (const secret of [
      "SEALED-TOTP-SECRET",
      RECOVERY_HASH,
      "5a175a17",
      user.passwordHash,
      "sessionVersion",
      "passwordHash",
      "totpSecret",
    ]) {
      expect(json).not.toContain(secret);
    }
    for (const foreign of ["别人的评论", "别人的通知", f.other.id, f.other.email])
      expect(json).not.toContain(foreign);
    const doc = JSON.parse(json);
    expect(doc).toEqual({
      format: "byline.user-data",
      version: 1,
      exportedAt: expect.any(String),
      profile: {
        publicId: user.profile!.publicId,
        displayName: "导出读者",
        bio: "简介",
        avatarUrl: null,
        createdAt: iso(user.profile!.createdAt),
        updatedAt: iso(user.profile!.updatedAt),
        url: absoluteUrl(`/member/${user.profile!.publicId}`),
      },
      account: {
        id: user.id,
        email: user.email,
        role: "READER",
        status: "ACTIVE",
        createdAt: iso(user.createdAt),
        lastLoginAt: null,
        twoFactorEnabled: true,
      },
      comments: [
        {
          id: f.mine.id,
          body: "我的评论",
          status: "APPROVED",
          parentId: null,
          ip: "203.0.113.7",
          userAgent: null,
          createdAt: iso(f.mine.createdAt),
          editedAt: null,
          article: { title: "被评论的文章", url: absoluteUrl(`/posts/${f.article.publicId}`) },
        },
        {
          id: f.spam.id,
          body: "被标为垃圾的评论",
          status: "SPAM",
          parentId: f.mine.id,
          ip: null,
          userAgent: null,
          createdAt: iso(f.spam.createdAt),
          editedAt: null,
          article: { title: "被评论的文章", url: absoluteUrl(`/posts/${f.article.publicId}`) },
        },
      ],
      bookmarks: [
        {
          createdAt: expect.any(String),
          article: { title: "被评论的文章", url: absoluteUrl(`/posts/${f.article.publicId}`) },
        },
      ],
      contributions: [
        {
          id: draft.id,
          publicId: draft.publicId,
          title: "我的投稿",
          lede: "",
          bodyText: draft.bodyText,
          status: "IN_REVIEW",
          isContribution: true,
          createdAt: iso(draft.createdAt),
          publishedAt: null,
          category: expect.any(String),
          url: null,
        },
      ],
      notifications: [
        expect.objectContaining({
          kind: "comment.approved",
          title: "评论已通过",
          body: "",
          url: null,
          readAt: null,
        }),
      ],
    });
    const [row] = await db.auditLog.findMany({
      where: { action: "account.exportData", targetId: f.reader.id },
    });
    expect(row).toMatchObject({ actorId: f.reader.id, targetType: "user", ip: "203.0.113.8" });
  });

  it("streams a user with more rows than one batch, in order", async () => {
    const reader = await createUser();
    const article = await createArticle();
    const base = Date.now() - 10_000_000;
    await db.comment.createMany({
      data: Array.from({ length: 1203 }, (_, i) => ({
        articleId: article.id,
        authorId: reader.id,
        body: `评论 ${i}`,
        createdAt: new Date(base + i * 1000),
      })),
    });
    const out = await exportUserData(actorOf(reader), reader.id, "own", new RateLimiter());
    const doc = JSON.parse(await text(out.chunks));
    expect(doc.comments.map((c: { body: string }) => c.body)).toEqual(
      Array.from({ length: 1203 }, (_, i) => `评论 ${i}`),
    );
  });

  it("refuses another reader, lets an admin export anyone (audited), 404s an unknown id", async () => {
    const f = await fixture();
    await expect(
      exportUserData(actorOf(f.other), f.reader.id, "own", new RateLimiter()),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(exportUserData(actorOf(f.other), f.reader.id, "privacyRequest")).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const editor = await createActor("EDITOR");
    await expect(exportUserData(editor, f.reader.id, "privacyRequest")).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const admin = await createActor("ADMIN");
    const doc = JSON.parse(await text((await exportUserData(admin, f.reader.id, "privacyRequest")).chunks));
    expect(doc.account.id).toBe(f.reader.id);
    expect(doc.comments).toHaveLength(2);
    expect(
      await db.auditLog.count({
        where: { action: "user.exportData", actorId: admin.id, targetId: f.reader.id },
      }),
    ).toBe(1);
    await expect(exportUserData(admin, "no-such-user", "privacyRequest")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(
      await db.auditLog.count({
        where: { action: { in: ["account.exportData", "user.exportData"] }, actorId: f.other.id },
      }),
    ).toBe(0);
  });

  it("allows a reader 5 exports an hour", async () => {
    const reader = await createUser();
    const limiter = new RateLimiter();
    for (let i = 0; i < 5; i++) await exportUserData(actorOf(reader), reader.id, "own", limiter);
    await expect(exportUserData(actorOf(reader), reader.id, "own", limiter)).rejects.toMatchObject({
      code: "RATE_LIMITED",
      retryAfterSeconds: expect.any(Number),
    });
    expect(await db.auditLog.count({ where: { action: "account.exportData", targetId: reader.id } })).toBe(5);
  });
});
