import { afterAll, beforeAll, beforeEach, vi } from "vitest";
import { db } from "@/lib/db";
import { createActor, doc } from "@/lib/services/articles/test-helpers";
import { createArticle, createCategory } from "@/lib/test/factories";
import { startSourceFixtures, type SourceFixtures } from "@/lib/test/source-fixtures";

// Shared by the ingest-source-*.int.test.ts files (ingestSource from a URL, its refusals, a paste).

/** A translator's draft with nothing ingested yet. */
export async function draft(opts: { sourceUrl?: string } = {}) {
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
export async function stateOf(articleId: string) {
  const [article, snapshots, segments, audits] = await Promise.all([
    db.article.findUniqueOrThrow({ where: { id: articleId } }),
    db.sourceSnapshot.count({ where: { articleId } }),
    db.translationSegment.findMany({ where: { articleId }, orderBy: { position: "asc" } }),
    db.auditLog.count({ where: { targetId: articleId, action: "translation.ingestSource" } }),
  ]);
  return { article, snapshots, segments, audits };
}

/**
 * The source fixtures' server for a test file (started before its tests, closed after), with
 * loopback sources allowed in each test (a test may take the allowance away).
 */
export function sourceFixturesForFile(): Pick<SourceFixtures, "base" | "url" | "requests"> {
  let started: SourceFixtures | undefined;
  beforeAll(async () => {
    started = await startSourceFixtures();
  });
  afterAll(() => started?.close());
  beforeEach(() => {
    vi.stubEnv("BYLINE_TEST_ALLOW_LOOPBACK_SOURCES", "1");
  });
  const running = () => {
    if (!started) throw new Error("the source fixtures start before the file's tests");
    return started;
  };
  return {
    get base() {
      return running().base;
    },
    url: (name) => running().url(name),
    get requests() {
      return running().requests;
    },
  };
}
