import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { applyPendingEdit } from "@/lib/services/articles/pending/apply-pending-edit";
import { createArticle } from "@/lib/services/articles/create-article";
import { publishArticle } from "@/lib/services/articles/publish-article";
import { createActor, doc } from "@/lib/services/articles/test-helpers";
import { updateArticle } from "@/lib/services/articles/update-article";
import { createCategory } from "@/lib/test/factories";
import { invalidated } from "@/lib/test/next-mocks";
import { CVE_FIXTURES } from "@/prisma/seed/steps/cves";
import { getCve, listCveArticles } from "./get-cve";
import { FeedFileError, importFeeds, importKevFile, importNvdFile } from "./import-feeds";
import { listCves } from "./list-cves";

const FIXTURE_IDS = [
  "CVE-2021-44228",
  "CVE-2024-3094",
  "CVE-2024-3400",
  "CVE-2026-41873",
  "CVE-2014-0160",
] as const;

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "byline-cve-"));
  await importFeeds(db, CVE_FIXTURES);
});
beforeEach(() => {
  invalidated.length = 0;
});

describe("importFeeds: the fixture NVD 2.0 feed and KEV catalogue", () => {
  it("imports every fixture item with library-scored CVSS, affected products and KEV dates", async () => {
    const result = await importFeeds(db, CVE_FIXTURES);
    expect(result.nvd).toEqual([expect.objectContaining({ items: 13, imported: 13, skipped: 0 })]);
    expect(result.kev).toMatchObject({ items: 9, imported: 9, skipped: 0 });
    const log4j = await db.cve.findUniqueOrThrow({ where: { id: "CVE-2021-44228" } });
    expect(log4j).toMatchObject({
      cvssVersion: "3.1",
      cvssVector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H",
      severity: "CRITICAL",
      kevRansomware: true,
      affected: [{ vendor: "apache", product: "log4j" }],
    });
    expect(Number(log4j.cvssScore)).toBe(10);
    expect(log4j.kevAddedAt?.toISOString()).toBe("2021-12-10T00:00:00.000Z");
    expect(log4j.kevDueDate?.toISOString()).toBe("2021-12-24T00:00:00.000Z");
    expect(log4j.nvdPublishedAt?.toISOString()).toBe("2021-12-10T10:15:09.143Z");
    expect(log4j.description).toContain("JNDI");
    // a 4.0 vector is preferred to 3.1; the fixture's baseScore (0) is never trusted
    const panos = await db.cve.findUniqueOrThrow({ where: { id: "CVE-2024-3400" } });
    expect([panos.cvssVersion, Number(panos.cvssScore), panos.severity]).toEqual(["4.0", 10, "CRITICAL"]);
    const heartbleed = await db.cve.findUniqueOrThrow({ where: { id: "CVE-2014-0160" } });
    expect([Number(heartbleed.cvssScore), heartbleed.severity, heartbleed.kevRansomware]).toEqual([
      7.5,
      "HIGH",
      false,
    ]);
    // not in the KEV fixture
    const xz = await db.cve.findUniqueOrThrow({ where: { id: "CVE-2024-3094" } });
    expect(xz.kevAddedAt).toBeNull();
  });

  it("re-import updates rows and never duplicates them", async () => {
    const before = await db.cve.count({ where: { id: { in: [...FIXTURE_IDS] } } });
    const feed = JSON.parse(await readFile(CVE_FIXTURES.nvd[0]!, "utf8"));
    feed.vulnerabilities[0].cve.descriptions[0].value = "Updated description for the re-import test.";
    const file = path.join(tmp, "nvd-updated.json");
    await writeFile(file, JSON.stringify(feed));
    await importNvdFile(db, file);
    await importFeeds(db, CVE_FIXTURES);
    await importNvdFile(db, file);
    expect(await db.cve.count({ where: { id: { in: [...FIXTURE_IDS] } } })).toBe(before);
    const row = await db.cve.findUniqueOrThrow({ where: { id: "CVE-2021-44228" } });
    expect(row.description).toBe("Updated description for the re-import test.");
    // KEV columns are kept by an NVD re-import
    expect(row.kevAddedAt?.toISOString()).toBe("2021-12-10T00:00:00.000Z");
    await importFeeds(db, CVE_FIXTURES);
  });

  it("skips and counts invalid items, keeps the valid ones", async () => {
    const good = JSON.parse(await readFile(CVE_FIXTURES.nvd[0]!, "utf8")).vulnerabilities[1];
    const file = path.join(tmp, "nvd-mixed.json");
    await writeFile(
      file,
      JSON.stringify({
        vulnerabilities: [
          good,
          { cve: { ...good.cve, id: "CVE-1998-0001" } },
          { cve: { ...good.cve, id: "not-a-cve" } },
          { cve: { ...good.cve, published: "yesterday" } },
          { cve: { ...good.cve, descriptions: [{ lang: "en", value: "nul \u0000 inside" }] } },
          null,
          "CVE-2024-3094",
        ],
      }),
    );
    expect(await importNvdFile(db, file)).toMatchObject({ items: 7, imported: 1, skipped: 6 });
    const kev = path.join(tmp, "kev-mixed.json");
    await writeFile(
      kev,
      JSON.stringify({
        vulnerabilities: [
          {
            cveID: "CVE-2024-3094",
            vendorProject: "x",
            product: "y",
            vulnerabilityName: "z",
            dateAdded: "2024-13-45",
          },
          { cveID: "CVE-2024-3094" },
        ],
      }),
    );
    expect(await importKevFile(db, kev)).toMatchObject({ items: 2, imported: 0, skipped: 2 });
    expect((await db.cve.findUniqueOrThrow({ where: { id: "CVE-2024-3094" } })).kevAddedAt).toBeNull();
  });

  it("refuses a missing file, a file that is not JSON and JSON that is not a feed", async () => {
    await expect(importNvdFile(db, path.join(tmp, "missing.json"))).rejects.toBeInstanceOf(FeedFileError);
    const notJson = path.join(tmp, "not.json");
    await writeFile(notJson, "{ nope");
    await expect(importNvdFile(db, notJson)).rejects.toBeInstanceOf(FeedFileError);
    const notFeed = path.join(tmp, "other.json");
    await writeFile(notFeed, JSON.stringify({ items: [] }));
    await expect(importKevFile(db, notFeed)).rejects.toThrow(/vulnerabilities/);
  });
});

async function draft(body: ReturnType<typeof doc>) {
  const editor = await createActor("EDITOR");
  const category = await createCategory();
  const a = await createArticle(editor, { title: "CVE 测试", categoryId: category.id, body: doc("初稿") });
  const saved = await updateArticle(editor, { id: a.id, version: 1, body });
  const { publicId } = await db.article.findUniqueOrThrow({
    where: { id: a.id },
    select: { publicId: true },
  });
  return { editor, id: a.id, publicId, version: saved.version };
}

const mentions = async (articleId: string) =>
  (await db.articleCve.findMany({ where: { articleId }, orderBy: { cveId: "asc" } })).map((r) => r.cveId);

describe("article_cves on save", () => {
  it("a body save rewrites the article's CVEs, creating bare rows for unknown ids", async () => {
    const body = doc("xz 后门 cve-2024-3094 与 CVE-2026-99001。");
    body.content!.push(
      { type: "paragraph", content: [{ type: "text", text: "CVE-2021-44228", marks: [{ type: "code" }] }] },
      { type: "codeBlock", content: [{ type: "text", text: "CVE-2023-4863" }] },
    );
    const { editor, id, version } = await draft(body);
    expect(await mentions(id)).toEqual(["CVE-2024-3094", "CVE-2026-99001"]);
    const bare = await db.cve.findUniqueOrThrow({ where: { id: "CVE-2026-99001" } });
    expect([bare.description, bare.cvssVector, bare.kevAddedAt]).toEqual([null, null, null]);
    const row = await db.article.findUniqueOrThrow({ where: { id } });
    expect(row.bodyHtml).toContain(
      '<a href="/cve/CVE-2024-3094" rel="noopener noreferrer nofollow">cve-2024-3094</a>',
    );

    await updateArticle(editor, { id, version, body: doc("现在只提 CVE-2021-44228。") });
    expect(await mentions(id)).toEqual(["CVE-2021-44228"]);
    // a save without a body leaves them as they are
    await updateArticle(editor, { id, version: version + 1, lede: "新导语" });
    expect(await mentions(id)).toEqual(["CVE-2021-44228"]);
    // a draft is not public: nothing to invalidate
    expect(invalidated.filter((t) => t.startsWith("cve"))).toEqual([]);
  });

  it("an article mentioning a CVE shows on its page after publish, and an applied edit moves it", async () => {
    const { editor, id, publicId, version } = await draft(doc("Log4Shell（CVE-2021-44228）仍在被利用。"));
    const before = await listCveArticles("CVE-2021-44228", null);
    expect(before.items.map((a) => a.publicId)).not.toContain(publicId);

    invalidated.length = 0;
    await publishArticle(editor, { id, version });
    // the CVE pages' entries are tagged with tags.articles(), which publishing invalidates
    expect(invalidated).toContain(tags.articles());
    const after = await listCveArticles("CVE-2021-44228", null);
    expect(after.items[0]?.publicId).toBe(publicId);
    expect((await getCve("CVE-2021-44228"))?.articleCount).toBeGreaterThan(0);
    const index = await listCves(1, "CVE-2021-44228");
    expect(index.items).toEqual([
      expect.objectContaining({ id: "CVE-2021-44228", kevAddedAt: expect.any(Date) }),
    ]);

    // an edit to the live article goes pending; applying it rewrites the mentions and invalidates both pages
    const live = await db.article.findUniqueOrThrow({ where: { id } });
    const pending = await updateArticle(editor, {
      id,
      version: live.version,
      body: doc("改为 CVE-2024-3400。"),
    });
    expect(await mentions(id)).toEqual(["CVE-2021-44228"]);
    invalidated.length = 0;
    await applyPendingEdit(editor, { id, version: pending.version });
    expect(await mentions(id)).toEqual(["CVE-2024-3400"]);
    expect(invalidated).toEqual(
      expect.arrayContaining([
        tags.cve("CVE-2021-44228"),
        tags.cve("CVE-2024-3400"),
        tags.cves(),
        tags.articles(),
      ]),
    );
    expect((await listCveArticles("CVE-2021-44228", null)).items.map((a) => a.publicId)).not.toContain(
      publicId,
    );
    expect((await listCveArticles("CVE-2024-3400", null)).items[0]?.publicId).toBe(publicId);
  });

  it("an article created with a body records its CVEs at once", async () => {
    const editor = await createActor("EDITOR");
    const category = await createCategory();
    const a = await createArticle(editor, {
      title: "新建",
      categoryId: category.id,
      body: doc("提到 CVE-2023-4863。"),
    });
    expect(await mentions(a.id)).toEqual(["CVE-2023-4863"]);
  });

  it("getCve: known metadata without articles has a page, an unknown bare id has none", async () => {
    const xz = await getCve("CVE-2014-0160");
    expect(xz).toMatchObject({
      cvss: { version: "3.1", score: 7.5, severity: "HIGH" },
      kev: { ransomware: false },
      affected: [{ vendor: "openssl", product: "openssl" }],
    });
    await db.cve.upsert({ where: { id: "CVE-2026-99002" }, create: { id: "CVE-2026-99002" }, update: {} });
    expect(await getCve("CVE-2026-99002")).toBeNull();
    expect(await getCve("CVE-2026-99003")).toBeNull();
  });
});
