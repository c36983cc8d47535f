import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUser } from "@/lib/test/factories";
import { auditRowsFor, createActor, fromIp } from "../admin/test-helpers";
import { getActiveCommentBan, listCommentBans } from "../moderation/list-comment-bans";
import { banCommenter } from "./ban-commenter";
import { liftCommentBan } from "./lift-comment-ban";

const DAY = 24 * 60 * 60 * 1000;

describe("banCommenter / liftCommentBan", () => {
  it("bans for a period with a reason, lists it as active, and audits with the IP", async () => {
    const editor = await createActor("EDITOR");
    const reader = await createUser();
    const now = new Date();
    const ban = await fromIp("198.51.100.9", () =>
      banCommenter(editor, { userId: reader.id, period: "7d", reason: "多次发布广告" }, now),
    );
    expect(ban.expiresAt!.getTime()).toBe(now.getTime() + 7 * DAY);
    const row = await db.commentBan.findUniqueOrThrow({ where: { id: ban.id } });
    expect(row).toMatchObject({
      userId: reader.id,
      reason: "多次发布广告",
      createdById: editor.id,
      liftedAt: null,
    });
    // a comment ban is not a suspension: the account stays active
    expect((await db.user.findUniqueOrThrow({ where: { id: reader.id } })).status).toBe("ACTIVE");
    const list = await listCommentBans(editor);
    expect(list.items.find((b) => b.id === ban.id)).toMatchObject({
      reason: "多次发布广告",
      user: { id: reader.id },
      createdBy: editor.displayName,
    });
    expect(await getActiveCommentBan(editor, reader.id)).toMatchObject({ id: ban.id });
    const [a] = await auditRowsFor(reader.id);
    expect(a).toMatchObject({
      action: "comment.ban",
      ip: "198.51.100.9",
      meta: { banId: ban.id, period: "7d", reason: "多次发布广告" },
    });
  });

  it("永久 has no end; a new ban replaces the active one; 解除 ends it once", async () => {
    const admin = await createActor("ADMIN");
    const reader = await createUser();
    const first = await banCommenter(admin, { userId: reader.id, period: "1d", reason: "刷屏" });
    const forever = await banCommenter(admin, { userId: reader.id, period: "forever", reason: "屡教不改" });
    expect(forever.expiresAt).toBeNull();
    expect((await db.commentBan.findUniqueOrThrow({ where: { id: first.id } })).liftedById).toBe(admin.id);
    expect(await db.commentBan.count({ where: { userId: reader.id, liftedAt: null } })).toBe(1);
    await liftCommentBan(admin, { banId: forever.id });
    expect(await getActiveCommentBan(admin, reader.id)).toBeNull();
    await expect(liftCommentBan(admin, { banId: forever.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await auditRowsFor(reader.id)).map((r) => r.action)).toEqual([
      "comment.ban",
      "comment.ban",
      "comment.liftBan",
    ]);
  });

  it("an expired ban is no longer listed nor liftable", async () => {
    const editor = await createActor("EDITOR");
    const reader = await createUser();
    const ban = await banCommenter(editor, { userId: reader.id, period: "1d", reason: "测试" });
    const later = new Date(Date.now() + 2 * DAY);
    expect((await listCommentBans(editor, {}, later)).items.some((b) => b.id === ban.id)).toBe(false);
    await expect(liftCommentBan(editor, { banId: ban.id }, later)).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("two moderators banning at once leave one active ban", async () => {
    const [e1, e2] = [await createActor("EDITOR"), await createActor("ADMIN")];
    const reader = await createUser();
    await Promise.all([
      banCommenter(e1, { userId: reader.id, period: "30d", reason: "一" }),
      banCommenter(e2, { userId: reader.id, period: "7d", reason: "二" }),
    ]);
    expect(await db.commentBan.count({ where: { userId: reader.id, liftedAt: null } })).toBe(1);
  });

  it("refuses readers, oneself, unknown users, a missing reason and unknown periods", async () => {
    const editor = await createActor("EDITOR");
    const reader = await createUser();
    await expect(
      banCommenter(await createActor("TRANSLATOR"), { userId: reader.id, period: "1d", reason: "x" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      banCommenter(editor, { userId: editor.id, period: "1d", reason: "x" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(banCommenter(editor, { userId: "nobody", period: "1d", reason: "x" })).rejects.toMatchObject(
      {
        code: "NOT_FOUND",
      },
    );
    await expect(
      banCommenter(editor, { userId: reader.id, period: "1d", reason: "  " }),
    ).rejects.toMatchObject({
      name: "ZodError",
    });
    await expect(
      banCommenter(editor, { userId: reader.id, period: "2y", reason: "x".repeat(501) }),
    ).rejects.toMatchObject({ name: "ZodError" });
    await expect(liftCommentBan(await createActor("READER"), { banId: "x" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await db.commentBan.count({ where: { userId: reader.id } })).toBe(0);
  });
});
