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
