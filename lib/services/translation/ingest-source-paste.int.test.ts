import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ingestSource } from "./ingest-source";
import { draft, stateOf, sourceFixturesForFile } from "./ingest-test-helpers";

const fixtures = sourceFixturesForFile();

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
