import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { createArticle, createUser } from "@/lib/test/factories";
import { recordView } from "./record-view";
import { viewRecorder } from "./view-recorder";

const CHROME =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const asActor = (u: Awaited<ReturnType<typeof createUser>>): Actor => ({
  id: u.id,
  role: u.role,
  status: u.status,
  displayName: u.profile!.displayName,
  publicId: u.profile!.publicId,
});

describe("recordView", () => {
  it("counts readers once per window, never bots or staff, and writes the batch", async () => {
    const author = await createUser({ role: "CONTRIBUTOR" });
    const editor = await createUser({ role: "EDITOR" });
    const reader = await createUser();
    const a = await createArticle({ authorId: author.id, viewCount: 7 });
    const view = (visitorId: string, opts: { ua?: string; actor?: Actor | null } = {}) =>
      recordView({
        publicId: a.publicId,
        visitorId,
        userAgent: opts.ua ?? CHROME,
        actor: opts.actor ?? null,
      });

    expect(await view("visitor-aaaaaaaa")).toEqual({ counted: true, views: 8 });
    expect(await view("visitor-aaaaaaaa")).toEqual({ counted: false, views: 8 });
    expect((await view("visitor-bbbbbbbb", { actor: asActor(reader) })).counted).toBe(true);
    expect((await view("visitor-cccccccc", { ua: "Mozilla/5.0 (compatible; Googlebot/2.1)" })).counted).toBe(
      false,
    );
    expect((await view("visitor-dddddddd", { actor: asActor(editor) })).counted).toBe(false);
    expect((await view("visitor-eeeeeeee", { actor: asActor(author) })).counted).toBe(false);

    await viewRecorder().buffer.flush();
    expect((await db.article.findUniqueOrThrow({ where: { id: a.id } })).viewCount).toBe(9);
    expect(await db.articleViewDay.aggregate({ where: { articleId: a.id }, _sum: { views: true } })).toEqual({
      _sum: { views: 2 },
    });
  });

  it("refuses drafts as not found", async () => {
    const draft = await createArticle({ status: "DRAFT" });
    await expect(
      recordView({ publicId: draft.publicId, visitorId: "visitor-ffffffff", userAgent: CHROME, actor: null }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
