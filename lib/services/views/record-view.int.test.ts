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

  it("answers only once the view is in PostgreSQL: nothing acknowledged lives in memory alone", async () => {
    const a = await createArticle({ viewCount: 3 });
    const readers = Array.from({ length: 20 }, (_, i) => `durable-reader-${i}`);
    const answers = await Promise.all(
      readers.map((visitorId) =>
        recordView({ publicId: a.publicId, visitorId, userAgent: CHROME, actor: null }),
      ),
    );
    expect(answers.every((r) => r.counted)).toBe(true);
    // no flush(), no waiting: what the readers were told is already stored (kill -9 now loses nothing)
    expect((await db.article.findUniqueOrThrow({ where: { id: a.id } })).viewCount).toBe(23);
    expect(await db.articleViewDay.aggregate({ where: { articleId: a.id }, _sum: { views: true } })).toEqual({
      _sum: { views: 20 },
    });
    expect(viewRecorder().buffer.pendingFor(a.id)).toBe(0);
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
