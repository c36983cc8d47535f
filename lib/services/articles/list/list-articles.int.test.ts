import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createArticle, createCategory, uid } from "@/lib/test/factories";
import { createActor } from "../test-helpers";
import { listArticles } from "./list-articles";

const ids = (l: { items: { id: string }[] }) => l.items.map((i) => i.id);

/** A category of its own per test: filtering by it makes counts and pages exact in a shared database. */
async function desk() {
  const category = await createCategory();
  const editor = await createActor("EDITOR");
  const translator = await createActor("TRANSLATOR");
  const contributor = await createActor("CONTRIBUTOR");
  const make = (o: Parameters<typeof createArticle>[0] = {}) =>
    createArticle({ categoryId: category.id, ...o });
  return { category, editor, translator, contributor, make };
}

describe("listArticles: visibility", () => {
  it("editors and admins see everyone's articles; others only what they wrote or translate", async () => {
    const { category, editor, translator, contributor, make } = await desk();
    const admin = await createActor("ADMIN");
    const byContributor = await make({ authorId: contributor.id, status: "DRAFT" });
    const translated = await make({ authorId: editor.id, translatorId: translator.id, status: "DRAFT" });
    const colleague = await make({ status: "PUBLISHED" });
    const all = [byContributor.id, translated.id, colleague.id].sort();
    const q = { category: String(category.id) };

    expect(ids(await listArticles(editor, q)).sort()).toEqual(all);
    expect(ids(await listArticles(admin, q)).sort()).toEqual(all);
    const forContributor = await listArticles(contributor, q);
    expect(ids(forContributor)).toEqual([byContributor.id]);
    expect(forContributor.seesAll).toBe(false);
    expect(ids(await listArticles(translator, q))).toEqual([translated.id]);
    // the other scope shows in the counts too: a contributor's tabs count only their own
    expect(forContributor.counts.PUBLISHED).toBe(0);
    expect(forContributor.trashCount).toBeNull();
  });

  it("refuses readers and the signed-out", async () => {
    const reader = await createActor("READER");
    await expect(listArticles(reader, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listArticles(null, {})).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("hides deleted articles; only an admin's 回收站 lists them (a non-admin asking for it gets the live list)", async () => {
    const { category, editor, make } = await desk();
    const admin = await createActor("ADMIN");
    const live = await make({ authorId: editor.id, status: "DRAFT" });
    const gone = await make({ authorId: editor.id, status: "DRAFT" });
    await db.article.update({
      where: { id: gone.id },
      data: { deletedAt: new Date(), deletedById: admin.id },
    });
    const q = { category: String(category.id) };

    expect(ids(await listArticles(editor, q))).toEqual([live.id]);
    const editorTrash = await listArticles(editor, { ...q, view: "trash" });
    expect(ids(editorTrash)).toEqual([live.id]);
    expect(editorTrash.query.view).toBeUndefined();

    const trash = await listArticles(admin, { ...q, view: "trash", status: "PUBLISHED" });
    expect(ids(trash)).toEqual([gone.id]);
    expect(trash.trashCount).toBe(1);
    expect(trash.counts.DRAFT).toBe(1); // the status tabs count the live list
    expect(trash.items[0]!.actions).toEqual({
      unpublish: false,
      archive: false,
      delete: false,
      restore: true,
    });
    expect(trash.items[0]!.deletedAt).toBeInstanceOf(Date);
    expect(trash.items[0]!.deletedByName).toBe(admin.displayName);
  });
});

describe("listArticles: filters, counts, search, sort, pages", () => {
  it("filters by status, author, translator, contribution and mine; counts ignore only the status", async () => {
    const { category, editor, translator, contributor, make } = await desk();
    const other = await createActor("EDITOR");
    const a = await make({ authorId: editor.id, status: "DRAFT" });
    const b = await make({ authorId: other.id, translatorId: editor.id, status: "PUBLISHED" });
    const c = await make({ authorId: other.id, translatorId: translator.id, status: "PUBLISHED" });
    const d = await make({ authorId: contributor.id, status: "IN_REVIEW" });
    await db.article.update({ where: { id: d.id }, data: { isContribution: true } });
    const cat = String(category.id);
    const list = (q: Record<string, string>) => listArticles(editor, { category: cat, ...q });

    const published = await list({ status: "PUBLISHED" });
    expect(ids(published).sort()).toEqual([b.id, c.id].sort());
    expect(published.total).toBe(2);
    expect(published.counts).toEqual({ DRAFT: 1, IN_REVIEW: 1, SCHEDULED: 0, PUBLISHED: 2, ARCHIVED: 0 });
    expect(ids(await list({ author: other.id })).sort()).toEqual([b.id, c.id].sort());
    expect(ids(await list({ translator: translator.id }))).toEqual([c.id]);
    const contributions = await list({ contribution: "1" });
    expect(ids(contributions)).toEqual([d.id]);
    expect(contributions.items[0]!.isContribution).toBe(true);
    expect(contributions.counts).toEqual({ DRAFT: 0, IN_REVIEW: 1, SCHEDULED: 0, PUBLISHED: 0, ARCHIVED: 0 });
    expect(ids(await list({ contribution: "0" })).sort()).toEqual([a.id, b.id, c.id].sort());
    const mine = await list({ mine: "1" });
    expect(ids(mine).sort()).toEqual([a.id, b.id].sort());
    expect(mine.counts).toEqual({ DRAFT: 1, IN_REVIEW: 0, SCHEDULED: 0, PUBLISHED: 1, ARCHIVED: 0 });
    expect(ids(await list({ mine: "1", status: "DRAFT" }))).toEqual([a.id]);
    // a hand-edited URL falls back to no filter instead of failing
    expect((await list({ status: "NOPE", sort: "x", page: "-3" })).total).toBe(4);
  });

  it("title search is case-insensitive and takes %, _ and \\ literally", async () => {
    const { category, editor, make } = await desk();
    const tag = uid(6);
    const pct = await make({ title: `${tag} 涨幅 100% Done` });
    const under = await make({ title: `${tag} a_b 变量` });
    const slash = await make({ title: `${tag} C:\\temp 路径` });
    const plain = await make({ title: `${tag} 100 axb 其他` });
    const search = async (q: string) =>
      ids(await listArticles(editor, { category: String(category.id), q })).sort();

    expect(await search(`${tag}`)).toEqual([pct.id, under.id, slash.id, plain.id].sort());
    expect(await search("100%")).toEqual([pct.id]);
    expect(await search("done")).toEqual([pct.id]);
    expect(await search("a_b")).toEqual([under.id]);
    expect(await search("%")).toEqual([pct.id]);
    expect(await search("_")).toEqual([under.id]);
    expect(await search("C:\\temp")).toEqual([slash.id]);
    expect(await search("\\")).toEqual([slash.id]);
    // bounded: a very long query is cut, not sent whole
    const long = await listArticles(editor, { category: String(category.id), q: "长".repeat(5000) });
    expect(long.query.q).toHaveLength(100);
  });

  it("sorts by updated (default), published, created and title, and pages 20 at a time", async () => {
    const { category, editor, make } = await desk();
    const made = [];
    for (let i = 0; i < 23; i++) {
      made.push(
        await make({
          title: `排序 ${String(22 - i).padStart(2, "0")}`,
          status: i % 2 ? "DRAFT" : "PUBLISHED",
          publishedAt: i % 2 ? null : new Date(Date.UTC(2024, 0, 1 + i)),
        }),
      );
    }
    const cat = String(category.id);
    const first = await listArticles(editor, { category: cat });
    expect(first.items).toHaveLength(20);
    expect(first.pageCount).toBe(2);
    expect(first.total).toBe(23);
    const second = await listArticles(editor, { category: cat, page: "2" });
    expect(second.items).toHaveLength(3);
    expect(new Set([...ids(first), ...ids(second)]).size).toBe(23);
    const updated = [...first.items, ...second.items].map((i) => i.updatedAt.getTime());
    expect(updated).toEqual([...updated].sort((x, y) => y - x));

    const byTitle = await listArticles(editor, { category: cat, sort: "title" });
    expect(byTitle.items[0]!.title).toBe("排序 00");
    expect(byTitle.items[1]!.title).toBe("排序 01");
    const byPublished = await listArticles(editor, { category: cat, sort: "published" });
    expect(byPublished.items[0]!.id).toBe(made[22]!.id); // 2024-01-23, the latest
    expect(byPublished.items.slice(0, 12).every((i) => i.publishedAt)).toBe(true);
    const lastPublished = await listArticles(editor, { category: cat, sort: "published", page: "2" });
    expect(lastPublished.items.every((i) => i.publishedAt === null)).toBe(true);
    const byCreated = await listArticles(editor, { category: cat, sort: "created" });
    expect(byCreated.items[0]!.id).toBe(made[22]!.id);
  });

  it("offers each row only the actions the policy allows", async () => {
    const { category, editor, contributor, make } = await desk();
    const own = await make({ authorId: contributor.id, status: "DRAFT" });
    const live = await make({ authorId: contributor.id, status: "PUBLISHED" });
    const q = { category: String(category.id) };
    const byId = async (actor: typeof editor) =>
      Object.fromEntries((await listArticles(actor, q)).items.map((i) => [i.id, i.actions]));

    const forContributor = await byId(contributor);
    expect(forContributor[own.id]).toEqual({
      unpublish: false,
      archive: false,
      delete: true,
      restore: false,
    });
    expect(forContributor[live.id]).toEqual({
      unpublish: false,
      archive: false,
      delete: false,
      restore: false,
    });
    const forEditor = await byId(editor);
    // an editor deletes only their own drafts (article.delete is "own" for editors)
    expect(forEditor[own.id]).toEqual({ unpublish: false, archive: true, delete: false, restore: false });
    expect(forEditor[live.id]).toEqual({ unpublish: true, archive: true, delete: false, restore: false });
    const forAdmin = await byId(await createActor("ADMIN"));
    expect(forAdmin[live.id]).toEqual({ unpublish: true, archive: true, delete: true, restore: false });
  });
});
