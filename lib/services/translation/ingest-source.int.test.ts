import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createActor, doc } from "@/lib/services/articles/test-helpers";
import { createArticle, createCategory } from "@/lib/test/factories";
import { FIXTURE_ARTICLES, startSourceFixtures, type SourceFixtures } from "@/lib/test/source-fixtures";
import type { Connector } from "@/lib/net/connect";
import { pinnedConnect } from "@/lib/net/connect";
import { extractSource } from "@/lib/translation/source/extract";
import { hashSegments } from "@/lib/translation/source/hash";
import { ingestSource } from "./ingest-source";

let fixtures: SourceFixtures;
beforeAll(async () => {
  fixtures = await startSourceFixtures();
});
afterAll(() => fixtures.close());
beforeEach(() => {
  vi.stubEnv("BYLINE_TEST_ALLOW_LOOPBACK_SOURCES", "1");
});

/** A translator's draft with nothing ingested yet. */
async function draft(opts: { sourceUrl?: string } = {}) {
  const translator = await createActor("TRANSLATOR");
  const article = await createArticle({
    authorId: translator.id,
    translatorId: translator.id,
    categoryId: (await createCategory()).id,
    status: "DRAFT",
    body: doc("正文"),
    source: opts.sourceUrl
      ? {
          url: opts.sourceUrl,
          title: "Known title",
          author: "Known Author",
          site: "Known Site",
          publishedAt: new Date("2026-01-02T00:00:00Z"),
        }
      : undefined,
  });
  return { translator, article };
}

/** Everything ingestion writes, to compare before and after a refusal. */
async function stateOf(articleId: string) {
  const [article, snapshots, segments, audits] = await Promise.all([
    db.article.findUniqueOrThrow({ where: { id: articleId } }),
    db.sourceSnapshot.count({ where: { articleId } }),
    db.translationSegment.findMany({ where: { articleId }, orderBy: { position: "asc" } }),
    db.auditLog.count({ where: { targetId: articleId, action: "translation.ingestSource" } }),
  ]);
  return { article, snapshots, segments, audits };
}

const expected = {
  "ransomware-advisory": {
    title: "GlassWasp ransomware hits regional hospitals: what the joint advisory says",
    author: "Maren Holt",
    site: "Northwind Security Desk",
    publishedAt: "2026-11-18T09:30:00.000Z",
    kinds: ["PARAGRAPH", "HEADING", "LIST_ITEM", "QUOTE"],
  },
  "poc-writeup": {
    title: "Proof of concept released for CVE-2026-41872 in Harbor Gateway",
    author: "Dev Okafor",
    site: "Patchline",
    publishedAt: "2026-10-02T14:05:00.000Z",
    kinds: ["PARAGRAPH", "HEADING", "CODE"],
  },
  "malware-analysis": {
    title: "Inside Quillstealer: an infostealer that hides in PDF readers",
    author: "Ilse Varga and Tomás Reyes",
    site: "Kestrel Labs",
    publishedAt: "2026-09-14T07:00:00.000Z",
    kinds: ["PARAGRAPH", "HEADING", "IMAGE"],
  },
  "patch-tuesday": {
    title: "November 2026 Patch Tuesday: 71 fixes, two zero-days",
    author: "Priya Raman",
    site: "The Patch Report",
    publishedAt: "2026-11-10T19:15:00.000Z",
    kinds: ["PARAGRAPH", "HEADING", "TABLE", "QUOTE"],
  },
  paywall: {
    title: "Exclusive: the breach behind the Meridian Bank outage",
    author: "Hana Sato",
    site: "Ledger Security Weekly",
    publishedAt: "2026-11-20T06:00:00.000Z",
    kinds: ["PARAGRAPH"],
  },
} as const;

describe("ingestSource from a URL", () => {
  it("covers every fixture article", () => {
    expect(Object.keys(expected).sort()).toEqual([...FIXTURE_ARTICLES].sort());
  });

  it.each(Object.entries(expected))(
    "%s fills the attribution, the snapshot and the segments",
    async (name, want) => {
      const { translator, article } = await draft();
      const url = fixtures.url(name);
      const r = await ingestSource(translator, { articleId: article.id, version: article.version, url });
      const after = await stateOf(article.id);

      expect(r).toMatchObject({ version: article.version + 1, title: want.title });
      expect(after.article).toMatchObject({
        version: article.version + 1,
        sourceUrl: url,
        sourceTitle: want.title,
        sourceAuthor: want.author,
        sourceSite: want.site,
        sourcePublishedAt: new Date(want.publishedAt),
        sourceLanguage: "en",
        sourceSnapshotId: r.snapshotId,
        sourceChangedAt: null,
        title: article.title, // the Chinese title stays the translator's
      });
      const page = await (await fetch(url)).text();
      const extracted = extractSource(page, url).segments;
      expect(after.segments.map((s) => [s.position, s.kind, s.sourceText])).toEqual(
        extracted.map((s, i) => [i, s.kind, s.text]),
      );
      expect(after.segments.map((s) => s.sourceNode ?? undefined)).toEqual(extracted.map((s) => s.node));
      expect(r.segmentCount).toBe(extracted.length);
      expect(new Set(after.segments.map((s) => s.kind))).toEqual(new Set(want.kinds));
      expect(after.segments.every((s) => s.status === "UNTRANSLATED" && s.targetText === "")).toBe(true);
      expect(after.article.sourceText).toBe(
        extracted
          .map((s) => s.text)
          .filter(Boolean)
          .join("\n\n"),
      );

      const snap = await db.sourceSnapshot.findUniqueOrThrow({ where: { id: r.snapshotId } });
      expect(snap).toMatchObject({
        articleId: article.id,
        origin: "FETCHED",
        url,
        finalUrl: url,
        title: want.title,
        author: want.author,
        siteName: want.site,
        contentHash: hashSegments(extracted),
        etag: expect.stringMatching(/^"[0-9a-f]{16}"$/),
        lastModified: "Fri, 20 Nov 2026 08:00:00 GMT",
      });
      expect(snap.segments).toEqual(JSON.parse(JSON.stringify(extracted)));
      expect(after.audits).toBe(1);
    },
  );

  it("records where a redirect chain ended and credits the author as translator", async () => {
    const editor = await createActor("EDITOR");
    const article = await createArticle({ authorId: editor.id, status: "DRAFT" });
    const r = await ingestSource(editor, {
      articleId: article.id,
      version: article.version,
      url: fixtures.url("redirect-2"),
    });
    const snap = await db.sourceSnapshot.findUniqueOrThrow({ where: { id: r.snapshotId } });
    expect(snap).toMatchObject({
      url: fixtures.url("redirect-2"),
      finalUrl: fixtures.url("ransomware-advisory"),
    });
    const a = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(a).toMatchObject({ sourceUrl: fixtures.url("redirect-2"), translatorId: editor.id });
  });
});

describe("refusals leave nothing half-written", () => {
  it.each([
    ["huge", /原文超过 5 MB/],
    ["endless", /秒内没有响应完/],
    ["png", /不是网页（image\/png）/],
    ["png-as-html", /不是网页（二进制内容）/],
    ["broken", /没有从该页面提取到正文.*粘贴原文/],
    ["empty", /没有从该页面提取到正文.*粘贴原文/],
    ["redirect-6", /重定向次数过多/],
    ["redirect-private", /不能抓取内网、本机或云元数据地址：10\.0\.0\.1/],
    ["redirect-metadata", /不能抓取内网、本机或云元数据地址：169\.254\.169\.254/],
  ])("%s", async (name, message) => {
    const { translator, article } = await draft();
    // an earlier import, so a refusal must keep its snapshot and segments exactly
    const first = await ingestSource(translator, {
      articleId: article.id,
      version: article.version,
      url: fixtures.url("paywall"),
    });
    const before = await stateOf(article.id);
    const e = await ingestSource(
      translator,
      { articleId: article.id, version: first.version, url: fixtures.url(name) },
      undefined,
      { fetch: { timeoutMs: 1_500 } },
    ).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe("INVALID");
    expect((e as AppError).message).toMatch(message);
    expect(await stateOf(article.id)).toEqual(before);
  });

  it("refuses without the loopback allowance, before connecting", async () => {
    vi.stubEnv("BYLINE_TEST_ALLOW_LOOPBACK_SOURCES", "");
    const { translator, article } = await draft();
    const before = await stateOf(article.id);
    const requests = fixtures.requests.length;
    await expect(
      ingestSource(translator, {
        articleId: article.id,
        version: article.version,
        url: fixtures.url("paywall"),
      }),
    ).rejects.toThrow(/^不能抓取内网、本机或云元数据地址：127\.0\.0\.1/);
    expect(fixtures.requests.length).toBe(requests);
    expect(await stateOf(article.id)).toEqual(before);
  });

  it("refuses a stale version (CONFLICT) and existing translations unless replace", async () => {
    const { translator, article } = await draft();
    const first = await ingestSource(translator, {
      articleId: article.id,
      version: article.version,
      url: fixtures.url("poc-writeup"),
    });
    await expect(
      ingestSource(translator, {
        articleId: article.id,
        version: article.version,
        url: fixtures.url("paywall"),
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const seg = await db.translationSegment.findFirstOrThrow({
      where: { articleId: article.id, kind: "PARAGRAPH" },
    });
    await db.translationSegment.update({
      where: { id: seg.id },
      data: { targetText: "研究人员发布了漏洞利用代码。", status: "DRAFT" },
    });
    const before = await stateOf(article.id);
    await expect(
      ingestSource(translator, {
        articleId: article.id,
        version: first.version,
        url: fixtures.url("paywall"),
      }),
    ).rejects.toThrow(/^已有译文，重新导入会覆盖/);
    expect(await stateOf(article.id)).toEqual(before);

    const again = await ingestSource(
      translator,
      { articleId: article.id, version: first.version, url: fixtures.url("paywall") },
      true,
    );
    const after = await stateOf(article.id);
    expect(after.segments.every((s) => s.targetText === "")).toBe(true);
    expect(after.snapshots).toBe(2);
    expect(after.article.sourceSnapshotId).toBe(again.snapshotId);
    // replace may also come inside the input
    await ingestSource(translator, {
      articleId: article.id,
      version: again.version,
      url: fixtures.url("paywall"),
      replace: true,
    });
  });

  /** A connector that lets something else happen to the article while its source is being fetched. */
  const meanwhile =
    (change: () => Promise<unknown>): Connector =>
    async (target) => {
      await change();
      return pinnedConnect(target);
    };

  it("rolls the whole transaction back when the article changed during the fetch", async () => {
    const { translator, article } = await draft();
    const first = await ingestSource(translator, {
      articleId: article.id,
      version: article.version,
      url: fixtures.url("poc-writeup"),
    });
    // someone saves the article while the source is downloading: CONFLICT, nothing of ours written
    const bump = () => db.article.update({ where: { id: article.id }, data: { version: { increment: 1 } } });
    let before: Awaited<ReturnType<typeof stateOf>> | null = null;
    await expect(
      ingestSource(
        translator,
        { articleId: article.id, version: first.version, url: fixtures.url("paywall") },
        false,
        {
          fetch: { connect: meanwhile(async () => (await bump(), (before = await stateOf(article.id)))) },
        },
      ),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await stateOf(article.id)).toEqual(before);

    // a translation typed during the download: refused inside the transaction, version not bumped
    const current = (await stateOf(article.id)).article.version;
    const seg = (await stateOf(article.id)).segments[0]!;
    await expect(
      ingestSource(
        translator,
        { articleId: article.id, version: current, url: fixtures.url("paywall") },
        false,
        {
          fetch: {
            connect: meanwhile(async () => {
              await db.translationSegment.update({ where: { id: seg.id }, data: { targetText: "新译文" } });
              before = await stateOf(article.id);
            }),
          },
        },
      ),
    ).rejects.toThrow(/^已有译文/);
    expect(await stateOf(article.id)).toEqual(before);
    expect((await stateOf(article.id)).article.version).toBe(current);
  });

  it("answers another translator's draft with NOT_FOUND and a reader with NOT_FOUND", async () => {
    const { article } = await draft();
    const other = await createActor("TRANSLATOR");
    const reader = await createActor("READER");
    for (const actor of [other, reader])
      await expect(
        ingestSource(actor, {
          articleId: article.id,
          version: article.version,
          url: fixtures.url("paywall"),
        }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await stateOf(article.id)).snapshots).toBe(0);
  });

  it("validates the input", async () => {
    const { translator, article } = await draft();
    for (const input of [
      { articleId: article.id, version: article.version },
      {
        articleId: article.id,
        version: article.version,
        url: fixtures.url("paywall"),
        pasted: { text: "x" },
      },
      { articleId: article.id, version: article.version, pasted: { text: "  " } },
      { articleId: article.id, version: article.version, url: "" },
      { articleId: article.id, version: 0, url: fixtures.url("paywall") },
    ])
      await expect(ingestSource(translator, input)).rejects.toThrow();
    expect((await stateOf(article.id)).snapshots).toBe(0);
  });
});

describe("ingestSource from a paste", () => {
  it("segments pasted text and keeps the article's source URL and attribution", async () => {
    const { translator, article } = await draft({ sourceUrl: "https://news.example/story" });
    const r = await ingestSource(translator, {
      articleId: article.id,
      version: article.version,
      pasted: {
        text: "# Heading\n\nFirst paragraph\ncontinues.\n\n- item one\n- item two\n\n```\nrm -rf /tmp/x\n```",
      },
    });
    const after = await stateOf(article.id);
    expect(after.segments.map((s) => [s.kind, s.sourceText])).toEqual([
      ["HEADING", "Heading"],
      ["PARAGRAPH", "First paragraph continues."],
      ["LIST_ITEM", "item one"],
      ["LIST_ITEM", "item two"],
      ["CODE", "rm -rf /tmp/x"],
    ]);
    expect(after.article).toMatchObject({
      sourceUrl: "https://news.example/story",
      sourceTitle: "Known title",
      sourceAuthor: "Known Author",
      sourceSite: "Known Site",
    });
    const snap = await db.sourceSnapshot.findUniqueOrThrow({ where: { id: r.snapshotId } });
    expect(snap).toMatchObject({
      origin: "PASTED",
      url: null,
      finalUrl: null,
      etag: null,
      title: "Known title",
    });
  });

  it("reads a pasted whole page like a fetched one, and a fragment as it is", async () => {
    const { translator, article } = await draft({ sourceUrl: fixtures.url("paywall") });
    const page = await (await fetch(fixtures.url("malware-analysis"))).text();
    const r = await ingestSource(translator, {
      articleId: article.id,
      version: article.version,
      pasted: { html: page },
    });
    const images = (await stateOf(article.id)).segments.filter((s) => s.kind === "IMAGE");
    expect(images).toHaveLength(3);
    expect((images[0]!.sourceNode as { attrs: { src: string } }).attrs.src).toBe(
      `${fixtures.base}/media/quill/infection-chain.png`,
    );

    const r2 = await ingestSource(translator, {
      articleId: article.id,
      version: r.version,
      pasted: { html: "<p>Only a <b>fragment</b>.</p><ul><li>one</li></ul>" },
    });
    expect(r2.segmentCount).toBe(2);
    expect((await stateOf(article.id)).segments.map((s) => s.kind)).toEqual(["PARAGRAPH", "LIST_ITEM"]);
  });

  it("refuses a paste with no text and one beyond the caps, changing nothing", async () => {
    const { translator, article } = await draft();
    const before = await stateOf(article.id);
    await expect(
      ingestSource(translator, {
        articleId: article.id,
        version: article.version,
        pasted: { html: "<img src='x'><p> </p>" },
      }),
    ).rejects.toThrow(/没有找到可翻译的文字/);
    await expect(
      ingestSource(translator, {
        articleId: article.id,
        version: article.version,
        pasted: { text: "para\n\n".repeat(2_001) },
      }),
    ).rejects.toThrow(/原文过长/);
    expect(await stateOf(article.id)).toEqual(before);
  });
});
