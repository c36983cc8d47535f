import type { JSONContent } from "@tiptap/core";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createArticle, createTag } from "@/lib/test/factories";
import { validateStixBundle } from "@/lib/test/stix21";
import { listTagIocs } from "@/lib/services/ioc/list-tag-iocs";

const { GET } = await import("./route");

const call = (slug: string, query = "") =>
  GET(new Request(`http://localhost/api/tags/${slug}/ioc${query}`), { params: Promise.resolve({ slug }) });

const row = (type: string, value: string, context = "") => ({ type, value, context, malicious: true });
const withIocs = (...items: ReturnType<typeof row>[]): JSONContent => ({
  type: "doc",
  content: [
    { type: "paragraph", content: [{ type: "text", text: "分析" }] },
    { type: "blockquote", content: [{ type: "iocBlock", attrs: { items } }] },
  ],
});

/** IOC exports of a tag (issue 16): the indicators of its published articles, newest first, once each. */
describe("GET /api/tags/[slug]/ioc", () => {
  let tag: { id: number; slug: string };
  let newer: string;
  beforeAll(async () => {
    tag = await createTag();
    await db.tag.update({ where: { id: tag.id }, data: { kind: "MALWARE", description: "测试家族" } });
    const older = await createArticle({
      tagIds: [tag.id],
      publishedAt: new Date(Date.now() - 7_200_000),
      body: withIocs(row("domain", "c2.example.net", "旧"), row("md5", "d41d8cd98f00b204e9800998ecf8427e")),
    });
    newer = (
      await createArticle({
        tagIds: [tag.id],
        body: withIocs(row("domain", "c2.example.net", "新"), row("ipv4", "203.0.113.9")),
      })
    ).publicId;
    // neither a draft's indicators nor an article without IOC blocks count
    await createArticle({ tagIds: [tag.id], status: "DRAFT", body: withIocs(row("ipv4", "192.0.2.1")) });
    await createArticle({ tagIds: [tag.id] });
    expect(older.publicId).not.toBe(newer);
  });

  it("lists each indicator once, the newest article's row first", async () => {
    const { items } = await listTagIocs(tag);
    expect(items.map((i) => [i.type, i.value, i.context, i.article.publicId === newer])).toEqual([
      ["domain", "c2.example.net", "新", true],
      ["ipv4", "203.0.113.9", "", true],
      ["md5", "d41d8cd98f00b204e9800998ecf8427e", "", false],
    ]);
  });

  it("exports a STIX bundle whose report is the tag page, and CSV and MISP", async () => {
    const stix = await call(tag.slug, "?format=stix");
    expect(stix.status).toBe(200);
    expect(stix.headers.get("content-disposition")).toBe(
      `attachment; filename="byline-tag-${tag.slug}-ioc.stix.json"`,
    );
    const bundle = await stix.json();
    expect(validateStixBundle(bundle)).toEqual([]);
    const report = bundle.objects.find((o: { type: string }) => o.type === "report");
    expect(report.name).toMatch(/^恶意软件：/);
    expect(report.object_refs).toHaveLength(3);
    expect(report.external_references[0].url).toMatch(new RegExp(`/tag/${tag.slug}$`));
    const csv = await (await call(tag.slug, "?format=csv")).text();
    for (const v of ["c2.example.net", "203.0.113.9", "d41d8cd98f00b204e9800998ecf8427e"])
      expect(csv).toContain(v);
    expect(csv).not.toContain("192.0.2.1");
    const { Event } = await (await call(tag.slug, "?format=misp")).json();
    expect(Event.Attribute).toHaveLength(3);
  });

  it("answers 404 for an unknown or IOC-less tag and a malformed slug, 400 for a bad format", async () => {
    const empty = await createTag();
    for (const slug of ["no-such-tag-zz", empty.slug, "UPPER", "a/../b", "x".repeat(65)])
      expect((await call(slug, "?format=csv")).status, slug).toBe(404);
    const bad = await call(tag.slug, "?format=xml");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toBe("导出格式无效：format 须为 csv、stix 或 misp。");
  });
});
