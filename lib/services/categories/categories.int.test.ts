import { beforeEach, describe, expect, it } from "vitest";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { createArticle, uid } from "@/lib/test/factories";
import { invalidated } from "@/lib/test/next-mocks";
import { auditRowsFor, createActor, fromIp } from "../admin/test-helpers";
import { createCategory } from "./create-category";
import { deleteCategory } from "./delete-category";
import { listCategoriesForAdmin } from "./list-categories-for-admin";
import { moveCategory } from "./move-category";
import { updateCategory } from "./update-category";

const fields = (id = uid(6)) => ({ name: `分类${id}`, slug: `c-${id}`, description: "" });

beforeEach(() => {
  invalidated.length = 0;
});

describe("category management", () => {
  it("creates at the end of the bar, audits with the IP and invalidates the bar", async () => {
    const admin = await createActor("ADMIN");
    const f = fields();
    const c = await fromIp("203.0.113.9", () => createCategory(admin, { ...f, slug: f.slug.toUpperCase() }));
    expect(c.slug).toBe(f.slug); // lower-cased
    const list = await listCategoriesForAdmin(admin);
    expect(list.at(-1)).toMatchObject({ id: c.id, articleCount: 0, description: null });
    expect(invalidated).toEqual(expect.arrayContaining([tags.categories(), tags.category(f.slug)]));
    const [row] = await auditRowsFor(String(c.id), "category");
    expect(row).toMatchObject({
      action: "category.create",
      targetType: "category",
      ip: "203.0.113.9",
      actorId: admin.id,
    });
  });

  it("validates slugs and refuses duplicates with a field error", async () => {
    const admin = await createActor("ADMIN");
    const f = fields();
    await createCategory(admin, f);
    await expect(createCategory(admin, { ...fields(), slug: "有空格 的" })).rejects.toMatchObject({
      name: "ZodError",
    });
    await expect(createCategory(admin, { ...fields(), slug: "a--b" })).rejects.toMatchObject({
      name: "ZodError",
    });
    await expect(createCategory(admin, { ...fields(), slug: f.slug })).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { slug: [expect.any(String)] },
    });
    await expect(createCategory(admin, { ...fields(), name: f.name })).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { name: [expect.any(String)] },
    });
  });

  it("renames and re-slugs, invalidating the old and the new category page", async () => {
    const admin = await createActor("ADMIN");
    const f = fields();
    const c = await createCategory(admin, f);
    invalidated.length = 0;
    const next = fields();
    await updateCategory(admin, { id: String(c.id), ...next, description: "新的说明" });
    expect(await db.category.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      name: next.name,
      slug: next.slug,
      description: "新的说明",
    });
    expect(invalidated).toEqual(
      expect.arrayContaining([tags.category(f.slug), tags.category(next.slug), tags.categories()]),
    );
    const rows = await auditRowsFor(String(c.id), "category");
    expect(rows.at(-1)).toMatchObject({
      action: "category.update",
      meta: { from: { slug: f.slug }, to: { slug: next.slug } },
    });
    await expect(updateCategory(admin, { id: 2_000_000_000, ...fields() })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("moves up and down in the bar", async () => {
    const admin = await createActor("ADMIN");
    const a = await createCategory(admin, fields());
    const b = await createCategory(admin, fields());
    const order = async () =>
      (await listCategoriesForAdmin(admin)).map((c) => c.id).filter((id) => id === a.id || id === b.id);
    expect(await order()).toEqual([a.id, b.id]);
    await moveCategory(admin, { id: b.id, direction: "up" });
    expect(await order()).toEqual([b.id, a.id]);
    await moveCategory(admin, { id: b.id, direction: "down" });
    expect(await order()).toEqual([a.id, b.id]);
    const last = (await listCategoriesForAdmin(admin)).at(-1)!;
    await expect(moveCategory(admin, { id: last.id, direction: "down" })).rejects.toMatchObject({
      code: "INVALID",
    });
  });

  it("deletes only an empty category", async () => {
    const admin = await createActor("ADMIN");
    const full = await createCategory(admin, fields());
    await createArticle({ categoryId: full.id, status: "DRAFT" });
    await expect(deleteCategory(admin, { id: full.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("1 篇文章"),
    });
    const empty = await createCategory(admin, fields());
    await deleteCategory(admin, { id: empty.id });
    expect(await db.category.findUnique({ where: { id: empty.id } })).toBeNull();
    expect((await auditRowsFor(String(empty.id), "category")).map((r) => r.action)).toEqual([
      "category.create",
      "category.delete",
    ]);
  });

  it("is for admins only", async () => {
    const editor = await createActor("EDITOR");
    await expect(createCategory(editor, fields())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listCategoriesForAdmin(editor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(deleteCategory(null, { id: 1 })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
