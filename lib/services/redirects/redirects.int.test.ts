import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { uid } from "@/lib/test/factories";
import { createActor } from "../admin/test-helpers";
import { createCategory } from "../categories/create-category";
import { updateCategory } from "../categories/update-category";
import { findRedirect } from "./find-redirect";

describe("category slug redirects", () => {
  it("a re-slugged category answers its old page and feed with the new ones, until the slug is used again", async () => {
    const admin = await createActor("ADMIN");
    const fields = { name: `栏目${uid(6)}`, slug: `old-${uid(6)}`, description: "" };
    const c = await createCategory(admin, fields);
    const next = `new-${uid(6)}`;
    await updateCategory(admin, { id: c.id, ...fields, slug: next });
    expect(await findRedirect(`/category/${fields.slug}`, "")).toBe(`/category/${next}`);
    expect(await findRedirect(`/category/${fields.slug}/feed`, "?x=1")).toBe(`/category/${next}/feed?x=1`);
    // the same slug under /tag/ is another page
    expect(await findRedirect(`/tag/${fields.slug}`, "")).toBeNull();
    // a name-only edit records nothing
    const before = await db.redirect.count();
    await updateCategory(admin, { id: c.id, ...fields, name: `改${uid(6)}`, slug: next });
    expect(await db.redirect.count()).toBe(before);
    // back to the old slug: its page is live, the newer one leads there, no loop
    await updateCategory(admin, { id: c.id, ...fields, slug: fields.slug });
    expect(await findRedirect(`/category/${fields.slug}`, "")).toBeNull();
    expect(await findRedirect(`/category/${next}`, "")).toBe(`/category/${fields.slug}`);
  });

  it("a new category on a freed slug is served, not redirected", async () => {
    const admin = await createActor("ADMIN");
    const fields = { name: `栏目${uid(6)}`, slug: `free-${uid(6)}`, description: "" };
    const c = await createCategory(admin, fields);
    await updateCategory(admin, { id: c.id, ...fields, slug: `took-${uid(6)}` });
    expect(await findRedirect(`/category/${fields.slug}`, "")).not.toBeNull();
    await createCategory(admin, { ...fields, name: `另${uid(6)}` });
    expect(await findRedirect(`/category/${fields.slug}`, "")).toBeNull();
  });
});
