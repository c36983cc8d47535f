// Shared by this folder's *.int.test.ts: a published translation ingested from a fixture page.
import { db } from "@/lib/db";
import { createActor } from "@/lib/services/articles/test-helpers";
import { createArticle, createCategory, uid } from "@/lib/test/factories";
import type { SourceFixtures } from "@/lib/test/source-fixtures";
import type { SourceSegment } from "@/lib/translation/types";
import { ingestSource } from "../ingest-source";
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
 * Copies a fixture page under a fresh name (so tests can edit it alone), has the translator
 * ingest it through the service (snapshot made current, one segment per source segment) and
 * publishes the translation directly.
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
  const draft = await createArticle({
    authorId: translator.id,
    translatorId: translator.id,
    categoryId: (await createCategory()).id,
    status: "DRAFT",
  });
  await ingestSource(translator, { articleId: draft.id, version: draft.version, url });
  const article = await db.article.update({
    where: { id: draft.id },
    data: { status: "PUBLISHED", publishedAt: opts.publishedAt ?? new Date(Date.now() - 3_600_000) },
  });
  const snapshot = await db.sourceSnapshot.findUniqueOrThrow({ where: { id: article.sourceSnapshotId! } });
  const segments = snapshot.segments as SourceSegment[];
  return { article, translator, name, html, url, snapshot, segments };
}

/** How many requests the fixture server saw for one page. */
export const requestsFor = (fx: SourceFixtures, name: string) =>
  fx.requests.filter((r) => r === `/${name}`).length;
