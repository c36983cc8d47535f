// Shared by this folder's *.int.test.ts: a published translation made from a fixture page.
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createActor } from "@/lib/services/articles/test-helpers";
import { createArticle, createCategory, uid } from "@/lib/test/factories";
import type { SourceFixtures } from "@/lib/test/source-fixtures";
import { extractSource } from "@/lib/translation/source/extract";
import { hashSegments } from "@/lib/translation/source/hash";
import { fetchSource } from "@/lib/translation/source/safe-fetch";
import type { FetchSource } from "./source-deps";

/** The real fetcher, refusing anything but the fixture server: no test reaches the network. */
export const fixtureFetch =
  (fx: SourceFixtures): FetchSource =>
  (url, opts) => {
    if (!url.startsWith(`${fx.base}/`)) throw new Error(`test fetch outside the fixtures: ${url}`);
    return fetchSource(url, opts);
  };

/**
 * Copies a fixture page under a fresh name (so tests can edit it alone), ingests it the way
 * ingestion does (snapshot made current, one segment per source segment) and publishes it.
 */
export async function publishedTranslation(
  fx: SourceFixtures,
  page: string,
  opts: { publishedAt?: Date } = {},
) {
  const name = `${page}-${uid()}`;
  const html = await (await fetch(fx.url(page))).text();
  fx.setPage(name, html);
  const url = fx.url(name);
  const translator = await createActor("TRANSLATOR");
  const article = await createArticle({
    authorId: translator.id,
    translatorId: translator.id,
    categoryId: (await createCategory()).id,
    status: "PUBLISHED",
    publishedAt: opts.publishedAt,
  });
  const res = await fetchSource(url);
  if (res.notModified) throw new Error("unconditional fetch answered 304");
  const ex = extractSource(res.html, res.finalUrl);
  const snap = await db.sourceSnapshot.create({
    data: {
      articleId: article.id,
      origin: "FETCHED",
      url,
      finalUrl: res.finalUrl,
      title: ex.title,
      segments: ex.segments as Prisma.InputJsonValue,
      contentHash: hashSegments(ex.segments),
      etag: res.etag,
      lastModified: res.lastModified,
      fetchedAt: new Date(Date.now() - 60_000),
    },
  });
  await db.article.update({ where: { id: article.id }, data: { sourceUrl: url, sourceSnapshotId: snap.id } });
  await db.translationSegment.createMany({
    data: ex.segments.map((s, position) => ({
      articleId: article.id,
      position,
      kind: s.kind,
      sourceText: s.text,
      sourceNode: s.node as Prisma.InputJsonValue | undefined,
      targetText: `译文 ${position}`,
      status: "REVIEWED" as const,
    })),
  });
  return { article, translator, name, html, url, snapshot: snap, segments: ex.segments };
}

/** How many requests the fixture server saw for one page. */
export const requestsFor = (fx: SourceFixtures, name: string) =>
  fx.requests.filter((r) => r === `/${name}`).length;
