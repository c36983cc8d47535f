import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createCategory } from "@/lib/test/factories";
import { createArticle } from "./create-article";
import { listRevisions } from "./list-revisions";
import { restoreRevision } from "./restore-revision";
import { createActor, doc } from "./test-helpers";
import { updateArticle } from "./update-article";

describe("restoreRevision", () => {
  it("brings back an earlier version as a new version, audited, keeping the history", async () => {
    const author = await createActor("CONTRIBUTOR");
    const category = await createCategory();
    const a = await createArticle(author, {
      title: "第一版",
      categoryId: category.id,
      body: doc("第一版正文"),
    });
    await updateArticle(author, { id: a.id, version: 1, title: "第二版", body: doc("第二版正文") });
    const revisions = await listRevisions(author, a.id);
    expect(revisions.map((r) => r.version)).toEqual([2, 1]);
    const first = revisions.find((r) => r.version === 1)!;

    await expect(
      restoreRevision(author, { articleId: a.id, revisionId: first.id, version: 1 }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const restored = await restoreRevision(author, { articleId: a.id, revisionId: first.id, version: 2 });
    expect(restored.version).toBe(3);
    const row = await db.article.findUniqueOrThrow({ where: { id: a.id } });
    expect(row).toMatchObject({ title: "第一版", bodyHtml: "<p>第一版正文</p>", version: 3 });
    expect((await listRevisions(author, a.id)).map((r) => r.version)).toEqual([3, 2, 1]);
    expect(await db.auditLog.count({ where: { targetId: a.id, action: "article.restoreRevision" } })).toBe(1);
  });

  it("does not reveal another author's revisions", async () => {
    const author = await createActor("CONTRIBUTOR");
    const other = await createActor("TRANSLATOR");
    const category = await createCategory();
    const a = await createArticle(author, { title: "私人草稿", categoryId: category.id });
    await expect(listRevisions(other, a.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [rev] = await listRevisions(author, a.id);
    await expect(
      restoreRevision(other, { articleId: a.id, revisionId: rev!.id, version: 1 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
