import { beforeEach, describe, expect, it } from "vitest";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { paragraphs } from "@/lib/test/factories";
import { invalidated } from "@/lib/test/next-mocks";
import { auditRowsFor, createActor, fromIp } from "../admin/test-helpers";
import { createPage } from "./create-page";
import { getPageForEdit } from "./get-page-for-edit";
import { listPageRevisions } from "./list-page-revisions";
import { listPagesForAdmin } from "./list-pages-for-admin";
import { restorePageRevision } from "./restore-page-revision";
import { savePage } from "./save-page";

const LEGACY = "旧的正文第一段。\n\n## 小标题\n说明文字\n\n- 第一项\n- 第二项";

/** A page as the seed writes it (legacy text, no revision), replacing whatever a previous test left. */
async function seedPage(slug: "privacy" | "links" | "changelog") {
  await db.page.deleteMany({ where: { slug } });
  await db.auditLog.deleteMany({ where: { targetType: "page", targetId: slug } });
  return db.page.create({
    data: { slug, title: "原标题", body: LEGACY, bodyHtml: "<p>旧的正文第一段。</p>" },
  });
}

/** Tag and attribute names of HTML as written by the sanitiser (double-quoted values). */
function markup(html: string) {
  const tagNames = new Set<string>();
  const attrs = new Set<string>();
  for (const [, tag, rest] of html.matchAll(/<([a-z0-9]+)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*\/?>/gi)) {
    tagNames.add(tag!.toLowerCase());
    for (const [, name] of rest!.matchAll(/\s([a-z-]+)(?:="[^"]*")?/gi)) attrs.add(name!.toLowerCase());
  }
  return { tagNames: [...tagNames].sort(), attrs: [...attrs].sort() };
}

const pageRow = (slug: string) => db.page.findUniqueOrThrow({ where: { slug } });
const revisionsOf = (pageId: number) =>
  db.pageRevision.findMany({ where: { pageId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

beforeEach(() => {
  invalidated.length = 0;
});

describe("footer pages", () => {
  it("saves: version + 1, a revision with the editor, the original kept first, audit and cache tags", async () => {
    const admin = await createActor("ADMIN");
    const seeded = await seedPage("privacy");
    const editing = await getPageForEdit(admin, "privacy");
    // the seed's text markup opens as a document with its heading and list
    expect(editing!.doc.content!.map((n) => n.type)).toEqual([
      "paragraph",
      "heading",
      "paragraph",
      "bulletList",
    ]);
    const saved = await fromIp("203.0.113.7", () =>
      savePage(admin, {
        slug: "privacy",
        version: 1,
        title: "  隐私政策（新）  ",
        body: paragraphs("新的正文"),
      }),
    );
    expect(saved).toMatchObject({ version: 2, changed: true });
    const row = await pageRow("privacy");
    expect(row).toMatchObject({ title: "隐私政策（新）", version: 2, bodyHtml: "<p>新的正文</p>" });
    expect(JSON.parse(row.body)).toEqual(paragraphs("新的正文"));
    const revs = await revisionsOf(seeded.id);
    expect(revs.map((r) => [r.title, r.editorId])).toEqual([
      ["原标题", null],
      ["隐私政策（新）", admin.id],
    ]);
    expect(revs[0]!.body).toBe(LEGACY);
    expect(invalidated).toEqual(expect.arrayContaining([tags.page("privacy"), tags.pages()]));
    const [audit] = await auditRowsFor("privacy");
    expect(audit).toMatchObject({
      action: "page.update",
      targetType: "page",
      actorId: admin.id,
      ip: "203.0.113.7",
      meta: { version: 2, from: "原标题", to: "隐私政策（新）" },
    });
    const list = await listPagesForAdmin(admin);
    expect(list.map((p) => p.slug)).toEqual(["about", "contribute", "changelog", "links", "privacy"]);
    expect(list.find((p) => p.slug === "privacy")!.page).toMatchObject({
      title: "隐私政策（新）",
      editorName: admin.displayName,
      revisions: 2,
    });
    // the same content again: nothing written, nothing invalidated
    invalidated.length = 0;
    const again = await savePage(admin, {
      slug: "privacy",
      version: 2,
      title: "隐私政策（新）",
      body: paragraphs("新的正文"),
    });
    expect(again).toMatchObject({ version: 2, changed: false });
    expect(await revisionsOf(seeded.id)).toHaveLength(2);
    expect(invalidated).toEqual([]);
  });

  it("refuses a stale version with CONFLICT (409) and writes nothing", async () => {
    const admin = await createActor("ADMIN");
    const seeded = await seedPage("links");
    await savePage(admin, { slug: "links", version: 1, title: "友情链接", body: paragraphs("第一次") });
    invalidated.length = 0;
    const stale = savePage(admin, {
      slug: "links",
      version: 1,
      title: "别的标题",
      body: paragraphs("第二个窗口"),
    });
    await expect(stale).rejects.toMatchObject({
      code: "CONFLICT",
      status: 409,
      message: expect.stringContaining("你的修改仍在编辑器里"),
    });
    const row = await pageRow("links");
    expect(row).toMatchObject({ title: "友情链接", version: 2, bodyHtml: "<p>第一次</p>" });
    expect(await revisionsOf(seeded.id)).toHaveLength(2);
    expect((await auditRowsFor("links")).map((r) => r.action)).toEqual(["page.update"]);
    expect(invalidated).toEqual([]);
    // two saves from the same version at once: exactly one wins
    const both = await Promise.allSettled([
      savePage(admin, { slug: "links", version: 2, title: "甲", body: paragraphs("甲") }),
      savePage(admin, { slug: "links", version: 2, title: "乙", body: paragraphs("乙") }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((await pageRow("links")).version).toBe(3);
  });

  it("restores a revision as a new version and revision, rendered again through the sanitiser", async () => {
    const admin = await createActor("ADMIN");
    const seeded = await seedPage("changelog");
    await savePage(admin, { slug: "changelog", version: 1, title: "改过的", body: paragraphs("改过的正文") });
    const [original] = await revisionsOf(seeded.id);
    // a hostile revision (as an import could bring): its stored HTML is never copied back
    const hostile = await db.pageRevision.create({
      data: {
        pageId: seeded.id,
        title: "恶意",
        body: "<script>alert(1)</script>\n\n- <img src=x onerror=alert(1)>",
        bodyHtml: '<script>alert(1)</script><a href="javascript:alert(1)">x</a>',
        createdAt: new Date(Date.now() - 60_000),
      },
    });
    invalidated.length = 0;
    const restored = await fromIp("198.51.100.4", () =>
      restorePageRevision(admin, { slug: "changelog", revisionId: original!.id, version: 2 }),
    );
    expect(restored.version).toBe(3);
    const row = await pageRow("changelog");
    expect(row.title).toBe("原标题");
    expect(row.bodyHtml).toContain('<h2 id="h-1">小标题</h2>');
    expect(row.bodyHtml).toContain("<li><p>第一项</p></li>");
    expect((await revisionsOf(seeded.id)).at(-1)).toMatchObject({ title: "原标题", editorId: admin.id });
    expect(invalidated).toEqual(expect.arrayContaining([tags.page("changelog"), tags.pages()]));
    expect((await auditRowsFor("changelog")).at(-1)).toMatchObject({
      action: "page.restore",
      ip: "198.51.100.4",
      meta: { revisionId: original!.id, version: 3 },
    });

    await restorePageRevision(admin, { slug: "changelog", revisionId: hostile.id, version: 3 });
    const after = await pageRow("changelog");
    expect(markup(after.bodyHtml)).toEqual({ tagNames: ["li", "p", "ul"], attrs: [] });
    expect(after.bodyHtml).not.toContain("javascript:");
    expect(after.bodyHtml).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");

    // a stale restore, and a revision of another page: refused, nothing written
    await expect(
      restorePageRevision(admin, { slug: "changelog", revisionId: original!.id, version: 3 }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      restorePageRevision(admin, { slug: "privacy", revisionId: original!.id, version: 1 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await pageRow("changelog")).version).toBe(4);
    const list = await listPageRevisions(admin, "changelog", 1);
    expect(list.total).toBe(5);
    expect(list.items[0]).toMatchObject({ title: "恶意", editorName: admin.displayName });
    // the database is shared by the files after this one: the site export test imports every row,
    // and an import refuses HTML the sanitiser would not produce, as it should
    await db.pageRevision.delete({ where: { id: hostile.id } });
  });

  it("strips what the sanitiser must and refuses javascript: links, writing nothing", async () => {
    const admin = await createActor("ADMIN");
    await seedPage("privacy");
    const media = `/media/ab/${"c".repeat(64)}.webp`;
    const hostile = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          attrs: { onclick: "alert(1)", style: "x" },
          content: [{ type: "text", text: '<img src=x onerror="alert(1)"><script>alert(2)</script>' }],
        },
        {
          type: "figure",
          attrs: { src: media, alt: 'x" onerror="alert(3)', caption: "<script>alert(4)</script>" },
        },
      ],
    };
    await savePage(admin, { slug: "privacy", version: 1, title: "标题", body: hostile });
    const { bodyHtml } = await pageRow("privacy");
    expect(markup(bodyHtml)).toEqual({
      tagNames: ["figcaption", "figure", "img", "p"],
      attrs: ["alt", "decoding", "loading", "src"],
    });
    expect(bodyHtml).toContain("&lt;script&gt;alert(2)&lt;/script&gt;");
    expect(bodyHtml).toContain('alt="x&quot; onerror=');

    const link = paragraphs("点我");
    link.content![0]!.content![0]!.marks = [{ type: "link", attrs: { href: "javascript:alert(1)" } }];
    await expect(
      savePage(admin, { slug: "privacy", version: 2, title: "标题", body: link }),
    ).rejects.toMatchObject({
      name: "ZodError",
    });
    expect((await pageRow("privacy")).version).toBe(2);
  });

  it("validates title, body, slug and fields strictly", async () => {
    const admin = await createActor("ADMIN");
    await seedPage("privacy");
    const ok = { slug: "privacy", version: 1, title: "标题", body: paragraphs("正文") };
    for (const bad of [
      { ...ok, title: "" },
      { ...ok, title: "   " },
      { ...ok, title: "字".repeat(101) },
      { ...ok, slug: "terms" },
      { ...ok, body: { type: "doc", content: [{ type: "script" }] } },
      { ...ok, body: paragraphs("x".repeat(100_001)) },
      { ...ok, version: "1" },
      { ...ok, bodyHtml: "<script></script>" },
    ]) {
      await expect(savePage(admin, bad)).rejects.toMatchObject({ name: "ZodError" });
    }
    // nested past the JSON depth limit
    let deep: object = { type: "paragraph" };
    for (let i = 0; i < 200; i++) deep = { type: "blockquote", content: [deep] };
    await expect(savePage(admin, { ...ok, body: { type: "doc", content: [deep] } })).rejects.toMatchObject({
      name: "ZodError",
    });
    expect(await savePage(admin, { ...ok, title: "字".repeat(100) })).toMatchObject({ version: 2 });
    expect((await pageRow("privacy")).version).toBe(2);
  });

  it("creates a missing footer page once", async () => {
    const admin = await createActor("ADMIN");
    await db.page.deleteMany({ where: { slug: "about" } });
    expect((await listPagesForAdmin(admin)).find((p) => p.slug === "about")!.page).toBeNull();
    expect(await getPageForEdit(admin, "about")).toBeNull();
    await expect(
      savePage(admin, { slug: "about", version: 1, title: "公司简介", body: paragraphs("x") }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await createPage(admin, { slug: "about" });
    const row = await pageRow("about");
    expect(row).toMatchObject({ title: "公司简介", version: 1, bodyHtml: "<p></p>" });
    expect(await revisionsOf(row.id)).toHaveLength(1);
    expect(invalidated).toEqual(expect.arrayContaining([tags.page("about"), tags.pages()]));
    expect((await auditRowsFor("about")).at(-1)).toMatchObject({ action: "page.create", actorId: admin.id });
    await expect(createPage(admin, { slug: "about" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(createPage(admin, { slug: "../etc" })).rejects.toMatchObject({ name: "ZodError" });
  });

  it("is for admins only", async () => {
    await seedPage("privacy");
    const input = { slug: "privacy", version: 1, title: "标题", body: paragraphs("正文") };
    for (const role of ["EDITOR", "READER"] as const) {
      const actor = await createActor(role);
      await expect(savePage(actor, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listPagesForAdmin(actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(createPage(actor, { slug: "about" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        restorePageRevision(actor, { slug: "privacy", revisionId: "x", version: 1 }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(getPageForEdit(actor, "privacy")).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(savePage(null, input)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await pageRow("privacy")).toMatchObject({ version: 1, title: "原标题" });
  });
});
