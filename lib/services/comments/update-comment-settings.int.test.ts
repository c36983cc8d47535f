import { beforeEach, describe, expect, it } from "vitest";
import { tags } from "@/lib/cache-tags";
import { COMMENT_SETTING_KEYS, getCommentSettings } from "@/lib/comments/settings";
import { db } from "@/lib/db";
import { invalidated } from "@/lib/test/next-mocks";
import { createActor } from "../admin/test-helpers";
import { updateCommentSettings } from "./update-comment-settings";

beforeEach(async () => {
  invalidated.length = 0;
  await db.siteSetting.deleteMany({ where: { key: { in: Object.values(COMMENT_SETTING_KEYS) } } });
});

const lastAudit = () =>
  db.auditLog.findFirst({ where: { action: "comments.settings" }, orderBy: { id: "desc" } });

describe("updateCommentSettings", () => {
  it("saves the switch, the mode and the blocked words (deduplicated, with their action)", async () => {
    const admin = await createActor("ADMIN");
    const saved = await updateCommentSettings(admin, {
      enabled: "on",
      mode: "trusted",
      blockedWords: "博彩\r\n\n  代开发票 reject \nCasino 直接拒绝\ncasino\n博彩 reject\nbuy now hold\n",
    });
    const expected = [
      { word: "博彩", action: "hold" },
      { word: "代开发票", action: "reject" },
      { word: "Casino", action: "reject" },
      { word: "buy now", action: "hold" },
    ];
    expect(saved).toEqual({ enabled: true, mode: "trusted", blockedWords: expected });
    expect(await getCommentSettings()).toEqual(saved);
    expect(await lastAudit()).toMatchObject({
      actorId: admin.id,
      meta: {
        [COMMENT_SETTING_KEYS.mode]: { from: "premoderate", to: "trusted" },
        [COMMENT_SETTING_KEYS.blockedWords]: { from: 0, to: 4 },
      },
    });
    // the switch did not change: article pages stay cached
    expect(invalidated).toEqual([]);
  });

  it("closing comments site-wide invalidates the article pages; an unchanged save writes nothing", async () => {
    const admin = await createActor("ADMIN");
    await updateCommentSettings(admin, { mode: "premoderate", blockedWords: "" });
    expect((await getCommentSettings()).enabled).toBe(false);
    expect(invalidated).toEqual(expect.arrayContaining([tags.articles(), tags.settings()]));
    const before = await db.auditLog.count({ where: { action: "comments.settings" } });
    invalidated.length = 0;
    await updateCommentSettings(admin, { enabled: false, mode: "premoderate", blockedWords: "" });
    expect(await db.auditLog.count({ where: { action: "comments.settings" } })).toBe(before);
    expect(invalidated).toEqual([]);
  });

  it("refuses editors, too many or too long words, and unknown modes, naming the line", async () => {
    await expect(
      updateCommentSettings(await createActor("EDITOR"), {
        enabled: true,
        mode: "trusted",
        blockedWords: "",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const admin = await createActor("ADMIN");
    const tooMany = Array.from({ length: 1001 }, (_, i) => `词${i}`).join("\n");
    await expect(
      updateCommentSettings(admin, { enabled: true, mode: "trusted", blockedWords: tooMany }),
    ).rejects.toMatchObject({
      issues: [expect.objectContaining({ message: expect.stringContaining("最多 1000 个") })],
    });
    await expect(
      updateCommentSettings(admin, {
        enabled: true,
        mode: "trusted",
        blockedWords: `好\n${"长".repeat(51)}`,
      }),
    ).rejects.toMatchObject({
      issues: [expect.objectContaining({ message: expect.stringContaining("第 2 行") })],
    });
    await expect(
      updateCommentSettings(admin, { enabled: true, mode: "open", blockedWords: "" }),
    ).rejects.toMatchObject({ name: "ZodError" });
    expect(await getCommentSettings()).toMatchObject({
      enabled: true,
      mode: "premoderate",
      blockedWords: [],
    });
  });
});
