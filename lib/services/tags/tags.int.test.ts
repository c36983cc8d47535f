import { beforeEach, describe, expect, it } from "vitest";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { createArticle, createTag, uid } from "@/lib/test/factories";
import { invalidated } from "@/lib/test/next-mocks";
import { createActor, fromIp } from "../admin/test-helpers";
import { findRedirect } from "../redirects/find-redirect";
import { deleteTag } from "./delete-tag";
import { listTagsForAdmin } from "./list-tags-for-admin";
import { mergeTags } from "./merge-tags";
import { updateTag } from "./update-tag";

const tagIdsOf = async (articleId: string) =>
  (await db.articleTag.findMany({ where: { articleId }, orderBy: { tagId: "asc" } })).map((r) => r.tagId);

// by type too: tag and category ids are both small integers, and their audit rows share targetId
const auditRowsFor = (targetId: string) =>
  db.auditLog.findMany({ where: { targetType: "tag", targetId }, orderBy: { id: "asc" } });

beforeEach(() => {
  invalidated.length = 0;
});

describe("tag management", () => {
  it("renames and re-slugs, audits each change, answers the old path with the new one", async () => {
    const editor = await createActor("EDITOR");
    const t = await createTag();
    const name = `改名${uid(4)}`;
    const slug = `renamed-${uid(6)}`;
    await fromIp("198.51.100.7", () => updateTag(editor, { id: t.id, name, slug: slug.toUpperCase() }));
    expect(await db.tag.findUniqueOrThrow({ where: { id: t.id } })).toMatchObject({ name, slug });
    expect(await findRedirect(`/tag/${t.slug}`, "?before=x")).toBe(`/tag/${slug}?before=x`);
    expect(await findRedirect(`/tag/${slug}`, "")).toBeNull();
    expect(invalidated).toEqual(expect.arrayContaining([tags.tag(t.slug), tags.tag(slug), tags.articles()]));
    const rows = await auditRowsFor(String(t.id));
    expect(rows.map((r) => [r.action, r.meta, r.ip])).toEqual([
      ["tag.rename", { from: t.name, to: name }, "198.51.100.7"],
      ["tag.changeSlug", { from: t.slug, to: slug }, "198.51.100.7"],
    ]);
    // an unchanged form writes nothing
    invalidated.length = 0;
    await updateTag(editor, { id: t.id, name, slug });
    expect(await auditRowsFor(String(t.id))).toHaveLength(2);
    expect(invalidated).toEqual([]);
  });

  it("collapses chains and drops the redirect when a slug comes back", async () => {
    const editor = await createActor("EDITOR");
    const t = await createTag();
    const [a, b, c] = [t.slug, `b-${uid(6)}`, `c-${uid(6)}`];
    await updateTag(editor, { id: t.id, name: t.name, slug: b });
    await updateTag(editor, { id: t.id, name: t.name, slug: c });
    const all = () =>
      db.redirect.findMany({
        where: { fromPath: { in: [a, b, c].map((s) => `/tag/${s}`) } },
        orderBy: { fromPath: "asc" },
        select: { fromPath: true, toPath: true },
      });
    // a → b → c is stored as a → c and b → c: one 301 to the live page
    expect(await all()).toEqual(
      [
        { fromPath: `/tag/${a}`, toPath: `/tag/${c}` },
        { fromPath: `/tag/${b}`, toPath: `/tag/${c}` },
      ].sort((x, y) => (x.fromPath < y.fromPath ? -1 : 1)),
    );
    // back to a: /tag/a is live again (no loop), b and c lead to it
    await updateTag(editor, { id: t.id, name: t.name, slug: a });
    // the row itself is gone, not just skipped by the lookup
    expect(await db.redirect.findUnique({ where: { fromPath: `/tag/${a}` } })).toBeNull();
    expect(await findRedirect(`/tag/${a}`, "")).toBeNull();
    expect(await findRedirect(`/tag/${b}`, "")).toBe(`/tag/${a}`);
    expect(await findRedirect(`/tag/${c}`, "")).toBe(`/tag/${a}`);
  });

  it("a live tag wins over an old redirect to its slug, however it was created", async () => {
    const editor = await createActor("EDITOR");
    const t = await createTag();
    const old = t.slug;
    await updateTag(editor, { id: t.id, name: t.name, slug: `moved-${uid(6)}` });
    expect(await findRedirect(`/tag/${old}`, "")).not.toBeNull();
    // e.g. an editor typed a new tag on an article and resolveTags gave it the freed slug
    await db.tag.create({ data: { slug: old, name: `新${uid(6)}` } });
    expect(await findRedirect(`/tag/${old}`, "")).toBeNull();
  });

  it("refuses a taken name (any case) or slug with a field error, and hostile input as typed errors", async () => {
    const editor = await createActor("EDITOR");
    const [t, other] = [await createTag(), await createTag({ name: `Apt${uid(6)}` })];
    await expect(
      updateTag(editor, { id: t.id, name: other.name.toLowerCase(), slug: t.slug }),
    ).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { name: [expect.stringContaining("已存在")] } });
    await expect(updateTag(editor, { id: t.id, name: t.name, slug: other.slug })).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { slug: [expect.any(String)] },
    });
    // changing only the case of its own name is fine
    await updateTag(editor, { id: other.id, name: other.name.toUpperCase(), slug: other.slug });
    for (const bad of [
      { id: t.id, name: t.name, slug: "../admin" },
      { id: t.id, name: t.name, slug: "a--b" },
      { id: t.id, name: t.name, slug: "有空格 的" },
      { id: t.id, name: "a\u0000b", slug: t.slug },
      { id: t.id, name: "x".repeat(33), slug: t.slug },
      { id: t.id, name: t.name, slug: "a".repeat(65) },
      { id: t.id, name: { $ne: "" }, slug: t.slug },
      { id: "1; DROP TABLE tags", name: t.name, slug: t.slug },
      { id: t.id, name: t.name, slug: t.slug, extra: 1 },
    ])
      await expect(updateTag(editor, bad), JSON.stringify(bad)).rejects.toMatchObject({ name: "ZodError" });
    await expect(updateTag(editor, { id: 2_000_000_000, name: "x", slug: "x" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db.tag.findUniqueOrThrow({ where: { id: t.id } })).toMatchObject({
      name: t.name,
      slug: t.slug,
    });
  });

  it("merges: articles keep one copy of the target, the source is gone and redirects", async () => {
    const editor = await createActor("EDITOR");
    const [a, b] = [await createTag(), await createTag()];
    const onlyA = await createArticle({ tagIds: [a.id] });
    const both = await createArticle({ tagIds: [a.id, b.id] });
    const onlyB = await createArticle({ tagIds: [b.id], status: "DRAFT" });
    const r = await mergeTags(editor, { id: a.id, into: b.name.toUpperCase() });
    expect(r).toMatchObject({ articles: 2, added: 1, into: { id: b.id } });
    for (const art of [onlyA, both, onlyB]) expect(await tagIdsOf(art.id)).toEqual([b.id]);
    expect(await db.tag.findUnique({ where: { id: a.id } })).toBeNull();
    expect(await findRedirect(`/tag/${a.slug}`, "")).toBe(`/tag/${b.slug}`);
    expect(invalidated).toEqual(expect.arrayContaining([tags.tag(a.slug), tags.tag(b.slug)]));
    expect((await auditRowsFor(String(b.id))).map((x) => x.action)).toEqual(["tag.merge"]);
    // into itself, by slug: 400; an unknown target: a field error
    await expect(mergeTags(editor, { id: b.id, into: b.slug })).rejects.toMatchObject({
      code: "INVALID",
      message: expect.stringContaining("自己"),
    });
    await expect(mergeTags(editor, { id: b.id, into: `nope-${uid()}` })).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { into: [expect.any(String)] },
    });
    await expect(mergeTags(editor, { id: a.id, into: b.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a merge and an article tagged with the source at the same time lose no tagging", async () => {
    const editor = await createActor("EDITOR");
    for (let round = 0; round < 5; round++) {
      const [a, b] = [await createTag(), await createTag()];
      const tagged = await createArticle({ tagIds: [a.id] });
      const late = await createArticle();
      const [merge, tagging] = await Promise.allSettled([
        mergeTags(editor, { id: a.id, into: b.slug }),
        db.$transaction(async (tx) => {
          await tx.articleTag.create({ data: { articleId: late.id, tagId: a.id } });
          await tx.$executeRaw`SELECT pg_sleep(0.02)`;
        }),
      ]);
      expect(merge.status).toBe("fulfilled");
      expect(await tagIdsOf(tagged.id)).toEqual([b.id]);
      // the tagging either committed first and was moved to B, or failed on the deleted tag: never left on A
      expect(await tagIdsOf(late.id)).toEqual(tagging.status === "fulfilled" ? [b.id] : []);
      expect(await db.articleTag.count({ where: { tagId: a.id } })).toBe(0);
    }
  });

  it("deletes only an unused tag, naming the count otherwise", async () => {
    const editor = await createActor("EDITOR");
    const used = await createTag();
    await createArticle({ tagIds: [used.id], status: "DRAFT" });
    await createArticle({ tagIds: [used.id] });
    await expect(deleteTag(editor, { id: used.id })).rejects.toMatchObject({
      code: "CONFLICT",
      status: 409,
      message: expect.stringContaining("2 篇文章"),
    });
    const unused = await createTag();
    await updateTag(editor, { id: unused.id, name: unused.name, slug: `gone-${uid(6)}` });
    await deleteTag(editor, { id: unused.id });
    expect(await db.tag.findUnique({ where: { id: unused.id } })).toBeNull();
    // old URLs of a deleted tag stop redirecting to a page that no longer exists
    expect(await findRedirect(`/tag/${unused.slug}`, "")).toBeNull();
    expect((await auditRowsFor(String(unused.id))).map((r) => r.action)).toEqual([
      "tag.changeSlug",
      "tag.delete",
    ]);
    await expect(deleteTag(editor, { id: unused.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists with published and total counts, searches name or slug, sorts", async () => {
    const admin = await createActor("ADMIN");
    const stem = `lst${uid(6)}`;
    const x = await db.tag.create({ data: { slug: `${stem}-x`, name: `甲${stem}` } });
    const y = await db.tag.create({ data: { slug: `${stem}-y`, name: `乙_${stem}` } });
    await createArticle({ tagIds: [x.id] });
    await createArticle({ tagIds: [x.id], status: "DRAFT" });
    const list = await listTagsForAdmin(admin, { q: stem.toUpperCase(), sort: "articles" });
    expect(list.total).toBe(2);
    expect(list.items.map((t) => [t.id, t.articleCount, t.publishedCount])).toEqual([
      [x.id, 2, 1],
      [y.id, 0, 0],
    ]);
    expect((await listTagsForAdmin(admin, { q: stem, sort: "slug" })).items.map((t) => t.id)).toEqual([
      x.id,
      y.id,
    ]);
    // LIKE wildcards are literal; junk parameters fall back to defaults
    expect((await listTagsForAdmin(admin, { q: `乙_${stem}` })).items.map((t) => t.id)).toEqual([y.id]);
    expect((await listTagsForAdmin(admin, { q: `甲_${stem}` })).total).toBe(0);
    const junk = await listTagsForAdmin(admin, { q: stem, sort: "name; DROP", page: "-3" });
    expect(junk.filters.sort).toBe("articles");
    expect(junk.page).toBe(1);
  });

  it("is for editors and admins: translators, readers and signed-out visitors are refused", async () => {
    const t = await createTag();
    const translator = await createActor("TRANSLATOR");
    const input = { id: t.id, name: t.name, slug: `x-${uid(6)}` };
    await expect(updateTag(translator, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(mergeTags(translator, { id: t.id, into: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(deleteTag(await createActor("READER"), { id: t.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(listTagsForAdmin(translator)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(deleteTag(null, { id: t.id })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await db.tag.findUniqueOrThrow({ where: { id: t.id } })).toMatchObject({ slug: t.slug });
    const admin = await createActor("ADMIN");
    await updateTag(admin, input);
  });
});
