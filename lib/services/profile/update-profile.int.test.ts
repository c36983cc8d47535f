import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/lib/db";
import { createActor } from "@/lib/services/articles/test-helpers";
import { invalidated } from "@/lib/test/next-mocks";
import { getOwnProfile, updateProfile } from "./update-profile";

const png = async (w: number, h: number) =>
  new Blob([
    new Uint8Array(
      await sharp({ create: { width: w, height: h, channels: 3, background: "#1f58bf" } })
        .png()
        .toBuffer(),
    ),
  ]);

describe("updateProfile", () => {
  it("changes the actor's own name and bio, audits it and invalidates the pages that show them", async () => {
    const reader = await createActor("READER");
    invalidated.length = 0;
    const view = await updateProfile(reader, { displayName: "新名字", bio: "关注供应链安全。" });
    expect(view).toMatchObject({ displayName: "新名字", bio: "关注供应链安全。" });
    expect(await getOwnProfile(reader)).toMatchObject({ displayName: "新名字", bio: "关注供应链安全。" });
    expect(invalidated).toEqual(expect.arrayContaining([`author:${reader.id}`, "articles"]));
    const row = await db.auditLog.findFirstOrThrow({
      where: { action: "profile.update", actorId: reader.id },
    });
    expect(row.meta).toEqual({ changed: ["displayName", "bio"] });
  });

  it("refuses role, status or another user's id, and changes nothing", async () => {
    const reader = await createActor("READER");
    const before = await db.user.findUniqueOrThrow({ where: { id: reader.id }, include: { profile: true } });
    for (const extra of [
      { role: "ADMIN" },
      { status: "ACTIVE" },
      { userId: "someone-else" },
      { viewCount: 1 },
    ]) {
      await expect(updateProfile(reader, { displayName: "改名", bio: "", ...extra })).rejects.toBeInstanceOf(
        ZodError,
      );
    }
    const after = await db.user.findUniqueOrThrow({ where: { id: reader.id }, include: { profile: true } });
    expect(after.role).toBe(before.role);
    expect(after.profile?.displayName).toBe(before.profile?.displayName);
  });

  it("re-encodes an avatar to a 256 px square WebP, refuses non-images, and can remove it", async () => {
    const reader = await createActor("READER");
    const view = await updateProfile(reader, {
      displayName: "有头像的人",
      bio: "",
      avatar: await png(800, 400),
    });
    expect(view.avatarUrl).toMatch(/^\/media\/.+\.webp$/);
    const media = await db.media.findFirstOrThrow({ where: { uploaderId: reader.id } });
    expect(media).toMatchObject({ mime: "image/webp", width: 256, height: 256 });

    await expect(
      updateProfile(reader, {
        displayName: "有头像的人",
        bio: "",
        avatar: new Blob(["<svg onload=alert(1)>"]),
      }),
    ).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { avatar: [expect.stringContaining("只支持")] },
    });
    expect((await getOwnProfile(reader)).avatarUrl).toBe(view.avatarUrl);
    expect(
      (await updateProfile(reader, { displayName: "有头像的人", bio: "", removeAvatar: "on" })).avatarUrl,
    ).toBeNull();
  });

  it("needs a signed-in user and a name of at least 2 characters", async () => {
    await expect(updateProfile(null, { displayName: "无名", bio: "" })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    const reader = await createActor("READER");
    await expect(updateProfile(reader, { displayName: "x", bio: "" })).rejects.toBeInstanceOf(ZodError);
  });
});
