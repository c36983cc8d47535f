import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { countQueries } from "@/lib/test/query-counter";
import { createArticle, createCategory, createTag, createUser, paragraphs, uid } from "@/lib/test/factories";
import { CONTENT_API_ROUTES } from "@/lib/api/openapi";
import { contentApiModules, getApi, testIp } from "./test-client";

const ip = testIp();
const get = async (path: string, headers: Record<string, string> = {}) =>
  (await getApi(path, ip, headers)).res;
const body = async (res: Response) => JSON.parse(await res.text());
const HOUR = 3_600_000;

type Item = { publicId: string; publishedAt?: string };

describe("Content API", () => {
  const marker = `zqv${uid(6)}`;
  let cat: { slug: string; id: number };
  let tag: { slug: string; id: number; name: string };
  let author: Awaited<ReturnType<typeof createUser>>;
  let translator: Awaited<ReturnType<typeof createUser>>;
  const published: { publicId: string; publishedAt: Date }[] = [];
  let hidden: Record<string, string>;
  let draftOnlyAuthor: string;
  let draftOnlyTag: string;
  const cve = `CVE-2024-${1000 + Math.floor(Math.random() * 8000)}`;
  const base = Date.now() - 10 * 86_400_000;

  beforeAll(async () => {
    cat = await createCategory();
    tag = await createTag();
    author = await createUser({ role: "EDITOR" });
    translator = await createUser({ role: "TRANSLATOR" });
    // pairs share a publishedAt: the cursor must break ties by publicId
    for (let i = 0; i < 7; i++) {
      const publishedAt = new Date(base + Math.floor(i / 2) * HOUR);
      const a = await createArticle({
        categoryId: cat.id,
        authorId: author.id,
        translatorId: i % 3 === 0 ? translator.id : null,
        tagIds: i % 2 === 0 ? [tag.id] : [],
        publishedAt,
        title: `${marker} 第${i}篇`,
      });
      published.push({ publicId: a.publicId, publishedAt });
    }
    await db.cve.upsert({ where: { id: cve }, create: { id: cve }, update: {} });
    await db.articleCve.create({
      data: {
        cveId: cve,
        articleId: (await db.article.findUniqueOrThrow({ where: { publicId: published[1]!.publicId } })).id,
      },
    });
    const lonely = await createUser({ role: "CONTRIBUTOR" });
    draftOnlyAuthor = lonely.profile!.publicId;
    const secretTag = await createTag();
    draftOnlyTag = secretTag.slug;
    const hide = (status: "DRAFT" | "IN_REVIEW" | "SCHEDULED" | "PUBLISHED", publishedAt?: Date | null) =>
      createArticle({
        status,
        publishedAt,
        categoryId: cat.id,
        authorId: lonely.id,
        tagIds: [tag.id, secretTag.id],
        title: `${marker} 未公开 ${status}`,
        body: paragraphs(`${marker} 不应出现 ${status}`),
      }).then((a) => a.publicId);
    hidden = {
      draft: await hide("DRAFT"),
      review: await hide("IN_REVIEW"),
      scheduled: await hide("SCHEDULED", new Date(Date.now() + 86_400_000)),
      future: await hide("PUBLISHED", new Date(Date.now() + 86_400_000)),
    };
  });

  const newestFirst = () =>
    [...published]
      .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || (a.publicId < b.publicId ? 1 : -1))
      .map((a) => a.publicId);

  it("walks every page of a list by keyset cursor, newest first, without duplicates", async () => {
    const seen: string[] = [];
    let next: string | null = null;
    let pages = 0;
    do {
      const qs: string = `category=${cat.slug}&limit=2${next ? `&cursor=${encodeURIComponent(next)}` : ""}`;
      const res = await get(`/api/v1/articles?${qs}`);
      expect(res.status).toBe(200);
      const page = (await body(res)) as { data: Item[]; next_cursor: string | null };
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((i) => i.publicId));
      next = page.next_cursor;
      pages++;
    } while (next && pages < 10);
    expect(pages).toBe(4);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(newestFirst());
  });

  it("never shows drafts, reviews, scheduled or future-dated articles anywhere", async () => {
    const list = await body(await get(`/api/v1/articles?category=${cat.slug}&limit=50`));
    const ids = list.data.map((i: Item) => i.publicId);
    for (const id of Object.values(hidden)) expect(ids).not.toContain(id);

    const unknown = await get(`/api/v1/articles/zzzzzz9`);
    expect(unknown.status).toBe(404);
    const unknownBody = await unknown.text();
    for (const [what, id] of Object.entries(hidden)) {
      const res = await get(`/api/v1/articles/${id}`);
      expect(res.status, what).toBe(404);
      expect(await res.text(), what).toBe(unknownBody);
    }
    expect((await get(`/api/v1/authors/${draftOnlyAuthor}`)).status).toBe(404);
    const tagList = await body(await get("/api/v1/tags"));
    expect(tagList.data.map((t: { slug: string }) => t.slug)).not.toContain(draftOnlyTag);
    const found = await body(await get(`/api/v1/search?q=${encodeURIComponent(`${marker} 不应出现`)}`));
    for (const id of Object.values(hidden)) expect(found.data.map((h: Item) => h.publicId)).not.toContain(id);
    expect((await body(await get(`/api/v1/articles?member=${draftOnlyAuthor}`))).data).toEqual([]);
  });

  it("filters by tag, author, translator, member, date range and CVE", async () => {
    const ids = async (qs: string) =>
      ((await body(await get(`/api/v1/articles?category=${cat.slug}&limit=50&${qs}`))).data as Item[]).map(
        (i) => i.publicId,
      );
    const pick = (f: (i: number) => boolean) =>
      newestFirst().filter((id) => f(published.findIndex((p) => p.publicId === id)));
    expect(await ids(`tag=${tag.slug}`)).toEqual(pick((i) => i % 2 === 0));
    expect(await ids(`author=${author.profile!.publicId}`)).toEqual(newestFirst());
    expect(await ids(`translator=${translator.profile!.publicId}`)).toEqual(pick((i) => i % 3 === 0));
    expect(await ids(`member=${translator.profile!.publicId}`)).toEqual(pick((i) => i % 3 === 0));
    expect(await ids(`author=${translator.profile!.publicId}`)).toEqual([]);
    const t1 = new Date(base + HOUR).toISOString();
    const t2 = new Date(base + 2 * HOUR).toISOString();
    expect(await ids(`from=${t1}&to=${t2}`)).toEqual(pick((i) => i >= 2 && i <= 5));
    const day = new Date(base).toISOString().slice(0, 10);
    expect(await ids(`from=${day}&to=${day}`)).toEqual(
      pick((i) => published[i]!.publishedAt.toISOString().slice(0, 10) === day),
    );
    expect(await ids(`cve=${cve.toLowerCase()}`)).toEqual([published[1]!.publicId]);
    expect(await ids(`tag=no-such-tag-${uid(4)}`)).toEqual([]);
    const r = await get(`/api/v1/articles?from=${t2}&to=${t1}`);
    expect(r.status).toBe(400);
    expect((await body(r)).error.message).toBe("参数 to 无效：须不早于 from。");
  });

  it("reads a page in one statement besides the rate limiter's, whatever the filters", async () => {
    const all = `category=${cat.slug}&tag=${tag.slug}&author=${author.profile!.publicId}&translator=${translator.profile!.publicId}&member=${author.profile!.publicId}&from=2000-01-01&to=2999-01-01&cve=${cve}&limit=50`;
    for (const qs of ["", all]) {
      const { queries } = await countQueries(() => get(`/api/v1/articles?${qs}`));
      // the limiter's upsert (and, every 200th call, its housekeeping) aside
      expect(
        queries.filter((q) => /INSERT INTO rate_limits/.test(q)),
        qs,
      ).toHaveLength(1);
      expect(
        queries.filter((q) => !/rate_limit|used_captchas/.test(q)),
        qs,
      ).toHaveLength(1);
    }
  });

  it("cuts items to the requested fields, publicId always included", async () => {
    const page = await body(await get(`/api/v1/articles?category=${cat.slug}&limit=1&fields=title,author`));
    expect(Object.keys(page.data[0])).toEqual(["publicId", "title", "author"]);
    expect(page.data[0].author.publicId).toBe(author.profile!.publicId);
  });

  it("answers 304 to a matching If-None-Match, with the same ETag", async () => {
    const path = `/api/v1/articles?category=${cat.slug}`;
    const first = await get(path);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(first.headers.get("cache-control")).toBe("public, max-age=60");
    for (const inm of [etag, `W/${etag}`, `"other", ${etag}`]) {
      const again = await get(path, { "If-None-Match": inm });
      expect(again.status, inm).toBe(304);
      expect(again.headers.get("etag")).toBe(etag);
      expect(await again.text()).toBe("");
    }
    expect((await get(path, { "If-None-Match": '"other"' })).status).toBe(200);
    const detail = await get(`/api/v1/articles/${published[0]!.publicId}`);
    expect(
      (
        await get(`/api/v1/articles/${published[0]!.publicId}`, {
          "If-None-Match": detail.headers.get("etag")!,
        })
      ).status,
    ).toBe(304);
  });

  it("refuses unknown parameters, bad cursors, operator objects and NUL with a zh-CN 400", async () => {
    const cases: [string, RegExp][] = [
      ["/api/v1/articles?page=2", /^不支持的参数：page。/],
      ["/api/v1/articles?cursor=AAAA", /^参数 cursor 无效：游标无效/],
      ["/api/v1/articles?cursor=zzzzzzzzzzzz.abc", /^参数 cursor 无效/],
      ["/api/v1/articles?category[$ne]=x", /^不支持的参数/],
      ["/api/v1/articles?tag[$gt]=&tag[$lt]=", /^不支持的参数/],
      [`/api/v1/articles?author=${encodeURIComponent('{"$ne":null}')}`, /^参数 author 无效/],
      ["/api/v1/articles?category=a%00b", /控制字符/],
      ["/api/v1/articles?limit=100", /^参数 limit 无效/],
      ["/api/v1/articles?cursor=zzzzzzzzzz.abc", /^参数 cursor 无效/],
      ["/api/v1/articles?from=0000-01-01", /^参数 from 无效/],
      ["/api/v1/articles?to=9999-12-31", /^参数 to 无效/],
      ["/api/v1/articles?to=0001-01-01T00:00:00%2B14:00", /^参数 to 无效/],
      ["/api/v1/articles?limit=2&limit=3", /只能出现一次/],
      ["/api/v1/articles/abc?x=1", /不接受查询参数/],
      ["/api/v1/categories?x=1", /不接受查询参数/],
      ["/api/v1/tags?kind=ACTOR", /不支持的参数：kind/],
      ["/api/v1/authors/abc?fields=x", /不支持的参数/],
      ["/api/v1/search", /^缺少参数 q。$/],
      ["/api/v1/search?q=%00", /控制字符/],
      [`/api/v1/search?q[$regex]=.*`, /不支持的参数/],
      ["/api/v1/openapi.json?v=2", /不接受查询参数/],
    ];
    for (const [path, message] of cases) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect(res.headers.get("access-control-allow-origin"), path).toBe("*");
      expect(res.headers.get("cache-control"), path).toBe("private, no-store");
      const { error } = await body(res);
      expect(error.code, path).toBe("INVALID");
      expect(error.message, path).toMatch(message);
    }
  });

  it("answers hostile values in every parameter of every route with a 4xx JSON error, never a 500", async () => {
    const values = [
      "",
      " ",
      "\u0000",
      "\uffff",
      "\u202e",
      "'",
      '"',
      "\\",
      '{"$ne":1}',
      "[]",
      "-1",
      "1e309",
      "NaN",
      "../..",
      "💩",
      "<script>",
      "a".repeat(299),
      "a".repeat(301),
      "ａｂｃ",
    ];
    for (const route of CONTENT_API_ROUTES) {
      const path = route.path.replace("{publicId}", published[0]!.publicId);
      for (const name of [...Object.keys(route.query.shape), "x"]) {
        const address = testIp();
        for (const value of values) {
          const qs = `${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
          // search needs its q: the hostile value goes in beside it
          const extra = route.path.endsWith("search") && name !== "q" ? "&q=a" : "";
          const { res } = await getApi(`${path}?${qs}${extra}`, address);
          expect([200, 400, 404], `${path}?${qs}`).toContain(res.status);
          const parsed = await body(res);
          if (res.status !== 200) expect(parsed.error.message, `${path}?${qs}`).toMatch(/[\u4e00-\u9fff]/);
        }
      }
    }
  });

  it("answers 404 for unknown or malformed ids", async () => {
    for (const path of [
      "/api/v1/articles/zzzzzz9",
      `/api/v1/articles/${"a".repeat(17)}`,
      "/api/v1/articles/bad%00id",
      "/api/v1/authors/zzzzzz9",
      "/api/v1/authors/..%2F..",
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect((await body(res)).error.message, path).toBe("没有找到该内容，它可能已被删除或尚未发布。");
    }
  });

  it("returns an article with HTML, text, attribution, tags and corrections, escaped", async () => {
    const a = await createArticle({
      title: `</script><b>${marker}</b> & 译文`,
      authorId: author.id,
      translatorId: translator.id,
      tagIds: [tag.id],
      body: paragraphs("第一段 <img src=x onerror=alert(1)>", "第二段"),
      source: {
        url: "https://example.com/post",
        title: "Original",
        author: "Jane Doe",
        site: "Example",
        publishedAt: new Date(base),
      },
    });
    await db.articleCorrection.create({
      data: { articleId: a.id, kind: "CORRECTION", note: "更正了时间。" },
    });
    const res = await get(`/api/v1/articles/${a.publicId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const raw = await res.text();
    expect(raw).not.toMatch(/[<>]/);
    const { data } = JSON.parse(raw);
    expect(data.title).toBe(`</script><b>${marker}</b> & 译文`);
    expect(data.html).toBe(a.bodyHtml);
    expect(data.html).not.toContain("<img");
    expect(data.text).toContain("第一段");
    expect(data.text).toContain("第二段");
    expect(data.isTranslation).toBe(true);
    expect(data.source).toMatchObject({
      url: "https://example.com/post",
      author: "Jane Doe",
      site: "Example",
    });
    expect(data.translator.publicId).toBe(translator.profile!.publicId);
    expect(data.tags).toEqual([{ slug: tag.slug, name: tag.name }]);
    expect(data.corrections).toEqual([expect.objectContaining({ kind: "CORRECTION", note: "更正了时间。" })]);
    expect(JSON.stringify(data)).not.toContain(a.id);
  });

  it("opens CORS for GET and answers the preflight", async () => {
    const res = await get("/api/v1/categories");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-expose-headers")).toContain("ETag");
    for (const mod of Object.values(contentApiModules)) {
      const pre = mod.OPTIONS();
      expect(pre.status).toBe(204);
      expect(pre.headers.get("access-control-allow-origin")).toBe("*");
      expect(pre.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
    }
  });

  it("limits each address to 120 requests a minute, then 429 with Retry-After", async () => {
    const address = testIp();
    for (let i = 0; i < 120; i++) expect((await getApi("/api/v1/categories", address)).res.status).toBe(200);
    const { res } = await getApi("/api/v1/categories", address);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect((await body(res)).error.message).toMatch(/^请求太频繁了/);
    // another address is not affected
    expect((await getApi("/api/v1/categories", testIp())).res.status).toBe(200);
  });
});
