import { beforeEach, describe, expect, it } from "vitest";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { createArticle } from "@/lib/test/factories";
import { invalidated } from "@/lib/test/next-mocks";
import { auditRowsFor, createActor } from "../admin/test-helpers";
import { setCommentsClosed } from "./set-comments-closed";

beforeEach(() => {
  invalidated.length = 0;
});

const closed = async (id: string) => (await db.article.findUniqueOrThrow({ where: { id } })).commentsClosed;

describe("setCommentsClosed", () => {
  it("an editor closes and reopens comments on a live article at once, invalidating its page", async () => {
    const editor = await createActor("EDITOR");
    const a = await createArticle();
    const version = (await db.article.findUniqueOrThrow({ where: { id: a.id } })).version;
    await setCommentsClosed(editor, { id: a.id, closed: true });
    expect(await closed(a.id)).toBe(true);
    expect(invalidated).toEqual(expect.arrayContaining([tags.article(a.id), tags.comments(a.id)]));
    // a switch, not a save: no pending edit, no new version
    expect((await db.article.findUniqueOrThrow({ where: { id: a.id } })).version).toBe(version);
    expect(await db.articlePendingEdit.count({ where: { articleId: a.id } })).toBe(0);
    await setCommentsClosed(editor, { id: a.id, closed: false });
    expect(await closed(a.id)).toBe(false);
    expect((await auditRowsFor(a.id)).map((r) => [r.action, r.meta])).toEqual([
      ["article.comments", { from: false, to: true }],
      ["article.comments", { from: true, to: false }],
    ]);
  });

  it("the article's own author may switch it; another author cannot even see it; repeating changes nothing", async () => {
    const owner = await createActor("CONTRIBUTOR");
    const a = await createArticle({ authorId: owner.id });
    await setCommentsClosed(owner, { id: a.id, closed: true });
    await setCommentsClosed(owner, { id: a.id, closed: true });
    expect(await closed(a.id)).toBe(true);
    expect(await auditRowsFor(a.id)).toHaveLength(1);
    await expect(
      setCommentsClosed(await createActor("CONTRIBUTOR"), { id: a.id, closed: false }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const draft = await createArticle({ status: "DRAFT" });
    await expect(
      setCommentsClosed(await createActor("TRANSLATOR"), { id: draft.id, closed: true }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setCommentsClosed(owner, { id: a.id, closed: "yes" })).rejects.toMatchObject({
      name: "ZodError",
    });
    expect(await closed(a.id)).toBe(true);
  });
});
