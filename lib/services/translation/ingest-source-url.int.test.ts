import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { FIXTURE_ARTICLES } from "@/lib/test/source-fixtures";
import { extractSource } from "@/lib/translation/source/extract";
import { hashSegments } from "@/lib/translation/source/hash";
import { createActor } from "@/lib/services/articles/test-helpers";
import { createArticle } from "@/lib/test/factories";
import { ingestSource } from "./ingest-source";
import { draft, stateOf, sourceFixturesForFile } from "./ingest-test-helpers";

const fixtures = sourceFixturesForFile();

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
