import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { db } from "@/lib/db";
import { createTag, uid } from "@/lib/test/factories";
import { createActor } from "../admin/test-helpers";
import { updateTag } from "../tags/update-tag";

const req = (path: string, method = "GET") => new NextRequest(`http://localhost:3000${path}`, { method });

describe("proxy.ts on old tag URLs", () => {
  it("answers GET and HEAD with 301 to the new path, query kept, with a bounded lifetime; other requests pass", async () => {
    const editor = await createActor("EDITOR");
    const t = await createTag();
    const next = `p-${uid(6)}`;
    await updateTag(editor, { id: t.id, name: t.name, slug: next });
    for (const method of ["GET", "HEAD"]) {
      const res = await proxy(req(`/tag/${t.slug}?before=abc`, method));
      expect(res.status, method).toBe(301);
      expect(res.headers.get("location")).toBe(`http://localhost:3000/tag/${next}?before=abc`);
      expect(res.headers.get("cache-control")).toBe("public, max-age=600");
    }
    // a POST (a server action posted to that URL) and the live page are left to Next.js
    for (const r of [req(`/tag/${t.slug}`, "POST"), req(`/tag/${next}`), req(`/tag/unknown-${uid()}`)]) {
      const res = await proxy(r);
      expect(res.status, r.url).toBe(200);
      expect(res.headers.get("x-middleware-next"), r.url).toBe("1");
    }
  });

  it("matches a percent-encoded non-ASCII slug (an older tag's) to its stored spelling", async () => {
    const editor = await createActor("EDITOR");
    const legacy = `勒索${uid(4)}`;
    const t = await db.tag.create({ data: { slug: legacy, name: `旧${uid(6)}` } });
    const next = `ransom-${uid(6)}`;
    await updateTag(editor, { id: t.id, name: t.name, slug: next });
    const res = await proxy(req(`/tag/${encodeURIComponent(legacy)}`));
    expect(res.status).toBe(301);
    expect(res.headers.get("location")).toBe(`http://localhost:3000/tag/${next}`);
  });
});

describe("proxy.ts on the pages after a list's first", () => {
  it("sends ?before= of a category, tag, member or CVE page to its `older` route; the first page and the route's own path not", async () => {
    const t = await createTag();
    // a CVE page exists once its metadata is imported (cvePageExists); ids are shared by every test run
    const cve = "CVE-2026-98061";
    await db.cve.upsert({ where: { id: cve }, create: { id: cve, description: "d" }, update: {} });
    for (const path of [`/tag/${t.slug}`, "/category/news", "/member/abc123", `/cve/${cve}`]) {
      for (const method of ["GET", "HEAD"]) {
        const res = await proxy(req(`${path}?before=c1.x`, method));
        expect(res.headers.get("x-middleware-rewrite"), `${method} ${path}`).toBe(
          `http://localhost:3000${path}/older?before=c1.x`,
        );
        expect(res.headers.get("content-security-policy")).toMatch(/script-src/);
      }
      const first = await proxy(req(path));
      expect(first.headers.get("x-middleware-rewrite"), path).toBeNull();
      expect(first.headers.get("x-middleware-next"), path).toBe("1");
      // a query without a cursor is the first page too
      expect((await proxy(req(`${path}?utm_source=x`))).headers.get("x-middleware-rewrite")).toBeNull();
      const own = await proxy(req(`${path}/older?before=c1.x`));
      expect(own.status, path).toBe(404);
      expect(own.headers.get("x-middleware-rewrite")).toBe("http://localhost:3000/_byline/not-found");
    }
    // a POST (a server action) is left where it was sent; deeper paths are not list pages
    expect(
      (await proxy(req("/category/news?before=c1.x", "POST"))).headers.get("x-middleware-rewrite"),
    ).toBeNull();
    expect(
      (await proxy(req("/category/news/feed?before=c1.x"))).headers.get("x-middleware-rewrite"),
    ).toBeNull();
    // a CVE without a page is the 404 page, with or without a cursor
    for (const path of ["/cve/CVE-2026-98062", "/cve/CVE-2026-98062?before=c1.x"]) {
      const res = await proxy(req(path));
      expect(res.status, path).toBe(404);
      expect(res.headers.get("x-middleware-rewrite")).toBe("http://localhost:3000/_byline/not-found");
    }
  });
});
