import { beforeAll, describe, expect, it } from "vitest";
import { createArticle, paragraphs, uid } from "@/lib/test/factories";
import { searchArticles } from "./search-articles";

describe("searchArticles", () => {
  let zh: string;
  let en: string;
  let draft: string;

  beforeAll(async () => {
    const marker = uid(6);
    zh = (
      await createArticle({
        title: `一次应急响应 ${marker}`,
        body: paragraphs("研究人员在内网部署了蜜罐，用来捕获攻击者的横向移动流量。"),
      })
    ).publicId;
    en = (
      await createArticle({
        title: `域渗透笔记 ${marker}`,
        body: paragraphs("攻击者随后利用Kerberoasting获取服务账号的票据。"),
      })
    ).publicId;
    draft = (
      await createArticle({ status: "DRAFT", body: paragraphs("草稿里也提到了蜜罐和Kerberoasting。") })
    ).publicId;
  });

  it("finds a Chinese two-character word from the body and highlights it", async () => {
    const r = await searchArticles({ q: "蜜罐" });
    const hit = r.hits.find((h) => h.publicId === zh);
    expect(hit).toBeDefined();
    expect(hit!.snippetHtml).toContain("<mark>蜜罐</mark>");
    expect(r.total).toBeGreaterThanOrEqual(1);
    expect(r.hits.map((h) => h.publicId)).not.toContain(draft);
  });

  it("finds an English word case-insensitively", async () => {
    const r = await searchArticles({ q: "kerberoasting" });
    expect(r.hits.map((h) => h.publicId)).toContain(en);
    expect(r.hits.map((h) => h.publicId)).not.toContain(draft);
    expect(r.hits.find((h) => h.publicId === en)!.snippetHtml).toContain("<mark>Kerberoasting</mark>");
  });

  it("requires every word (a mixed query narrows the results)", async () => {
    const r = await searchArticles({ q: "蜜罐 Kerberoasting" });
    expect(r.hits.map((h) => h.publicId)).not.toContain(zh);
    expect(r.hits.map((h) => h.publicId)).not.toContain(en);
  });

  it("treats empty and syntax-only queries as empty, and escapes markup in titles", async () => {
    expect((await searchArticles({ q: "   " })).hits).toEqual([]);
    expect((await searchArticles({ q: "& | ! ()" })).total).toBe(0);
    const tricky = await createArticle({ title: "<img src=x onerror=alert(1)> 蜜罐告警" });
    const hit = (await searchArticles({ q: "蜜罐告警" })).hits.find((h) => h.publicId === tricky.publicId);
    expect(hit?.titleHtml).not.toContain("<img");
    expect(hit?.titleHtml).toContain("&lt;img");
  });
});
