import type { JSONContent } from "@tiptap/core";
import { beforeAll, describe, expect, it } from "vitest";
import { createArticle } from "@/lib/test/factories";
import { validateStixBundle } from "@/lib/test/stix21";

const { GET } = await import("./route");

const call = (publicId: string, query = "") =>
  GET(new Request(`http://localhost/api/articles/${publicId}/ioc${query}`), {
    params: Promise.resolve({ publicId }),
  });

const row = (type: string, value: string, context = "") => ({ type, value, context, malicious: true });
const body: JSONContent = {
  type: "doc",
  content: [
    { type: "paragraph", content: [{ type: "text", text: "样本分析" }] },
    {
      type: "iocBlock",
      attrs: {
        items: [
          row("url", "https://evil.example/gate.php", "=cmd|' /C calc'!A0"),
          row("domain", "例子.中国", "</script><script>alert(1)</script>"),
          row("sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
          row("cve", "CVE-2024-3094"),
        ],
      },
    },
  ],
};

describe("GET /api/articles/[publicId]/ioc", () => {
  let publicId: string;
  beforeAll(async () => {
    publicId = (await createArticle({ body })).publicId;
  });

  it("exports CSV with a download name and guarded cells", async () => {
    const r = await call(publicId, "?format=csv");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(r.headers.get("content-disposition")).toBe(`attachment; filename="byline-${publicId}-ioc.csv"`);
    const text = await r.text();
    expect(text).toContain("https://evil.example/gate.php");
    expect(text).toContain(",'=cmd|' /C calc'!A0,");
  });

  it("exports a valid STIX 2.1 bundle, its JSON escaped", async () => {
    const r = await call(publicId, "?format=stix");
    expect(r.headers.get("content-type")).toBe("application/stix+json;version=2.1");
    expect(r.headers.get("content-disposition")).toBe(
      `attachment; filename="byline-${publicId}-ioc.stix.json"`,
    );
    const raw = await r.text();
    expect(raw).not.toMatch(/[<>]/);
    const bundle = JSON.parse(raw);
    expect(validateStixBundle(bundle)).toEqual([]);
    const report = bundle.objects.find((o: { type: string }) => o.type === "report");
    expect(report.object_refs).toHaveLength(4);
    expect(report.external_references[0].url).toMatch(new RegExp(`/posts/${publicId}$`));
  });

  it("exports a MISP event", async () => {
    const r = await call(publicId, "?format=misp");
    expect(r.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const { Event } = await r.json();
    expect(Event.Attribute.map((a: { type: string }) => a.type)).toEqual([
      "url",
      "domain",
      "sha256",
      "vulnerability",
    ]);
  });

  it("answers 400 for a bad query, 404 for unknown, unpublished or IOC-less articles", async () => {
    for (const q of ["", "?format=xml", "?format=csv&x=1", "?format=CSV"]) {
      const r = await call(publicId, q);
      expect(r.status, q).toBe(400);
      expect((await r.json()).error.message).toBe("导出格式无效：format 须为 csv、stix 或 misp。");
    }
    const draft = await createArticle({ body, status: "DRAFT" });
    const future = await createArticle({ body, publishedAt: new Date(Date.now() + 86_400_000) });
    const plain = await createArticle();
    for (const id of [draft.publicId, future.publicId, "zzzzzz9", "bad/id"])
      expect((await call(id, "?format=stix")).status, id).toBe(404);
    const r = await call(plain.publicId, "?format=csv");
    expect(r.status).toBe(404);
    expect((await r.json()).error.message).toBe("这篇文章没有可导出的 IOC 指标。");
  });
});
