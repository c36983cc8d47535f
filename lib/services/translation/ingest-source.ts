import "server-only";
import type { Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertEditable, loadVisibleArticle, type ArticleHead } from "@/lib/services/articles/access";
import {
  auditArticle,
  cacheTagsOf,
  invalidatePublic,
  touchesPublic,
} from "@/lib/services/articles/side-effects";
import { hashSegments } from "@/lib/translation/source/hash";
import type { FetchSourceOptions } from "@/lib/translation/source/safe-fetch";
import { ingestSourceSchema } from "./ingest-schemas";
import { loadSource, type LoadedSource } from "./ingest-load";

export type IngestResult = { version: number; snapshotId: string; segmentCount: number; title: string };

const STALE = "文章已被他人修改（可能在另一个窗口），请刷新后再导入原文。";
const HAS_TRANSLATIONS = "已有译文，重新导入会覆盖现有的分段和译文。如确定要重新导入，请确认覆盖后再试。";

/** Whether any segment already holds a translation: re-ingesting would throw it away. */
async function hasTranslations(tx: Pick<typeof db, "translationSegment">, articleId: string) {
  return (await tx.translationSegment.count({ where: { articleId, targetText: { not: "" } } })) > 0;
}

/**
 * 导入原文: fetches the source URL (or takes pasted text or HTML), extracts the article and its
 * segments, and in one transaction stores a snapshot, replaces the article's translation
 * segments and fills its attribution. The network and parsing happen before the transaction, so
 * a slow or hostile source holds no lock, and any failure leaves the article as it was.
 * `replace` (also accepted as the third argument) confirms overwriting existing translations.
 */
export async function ingestSource(
  actor: Actor | null,
  input: unknown,
  replace?: boolean,
  deps: { fetch?: FetchSourceOptions } = {},
): Promise<IngestResult> {
  const parsed = ingestSourceSchema.parse(input);
  const overwrite = parsed.replace ?? replace ?? false;
  const head = await loadVisibleArticle(actor, parsed.articleId);
  assertEditable(actor!, head);
  // cheap refusals first: no fetch for a stale editor or a translation that would be lost
  if (head.version !== parsed.version) throw new AppError("CONFLICT", STALE);
  if (!overwrite && (await hasTranslations(db, head.id))) throw new AppError("INVALID", HAS_TRANSLATIONS);

  const source = await loadSource(parsed, head.id, deps.fetch);
  const result = await db.$transaction((tx) => store(tx, actor!, head, parsed.version, overwrite, source));
  if (touchesPublic(head.status)) invalidatePublic(cacheTagsOf(head));
  return result;
}

async function store(
  tx: Prisma.TransactionClient,
  actor: Actor,
  head: ArticleHead,
  baseVersion: number,
  overwrite: boolean,
  s: LoadedSource,
): Promise<IngestResult> {
  const version = baseVersion + 1;
  // guarded by version and status like saveContent: the row lock also orders concurrent imports
  const claimed = await tx.article.updateMany({
    where: { id: head.id, version: baseVersion, status: head.status },
    data: { version },
  });
  if (claimed.count === 0) throw new AppError("CONFLICT", STALE);
  if (!overwrite && (await hasTranslations(tx, head.id))) throw new AppError("INVALID", HAS_TRANSLATIONS);

  const snapshot = await tx.sourceSnapshot.create({
    data: {
      articleId: head.id,
      origin: s.origin,
      url: s.url,
      finalUrl: s.finalUrl,
      title: s.meta.title,
      author: s.meta.author,
      siteName: s.meta.siteName,
      publishedAt: s.meta.publishedAt,
      leadImageUrl: s.meta.leadImageUrl,
      segments: s.segments as unknown as Prisma.InputJsonValue,
      contentHash: hashSegments(s.segments),
      etag: s.etag,
      lastModified: s.lastModified,
      fetchedAt: s.fetchedAt,
    },
    select: { id: true },
  });
  const removed = await tx.translationSegment.deleteMany({ where: { articleId: head.id } });
  await tx.translationSegment.createMany({
    data: s.segments.map((seg, position) => ({
      articleId: head.id,
      position,
      kind: seg.kind,
      sourceText: seg.text,
      sourceNode: seg.node ? (seg.node as Prisma.InputJsonValue) : undefined,
    })),
  });
  await tx.article.update({
    where: { id: head.id },
    data: {
      ...(s.url ? { sourceUrl: s.url } : {}),
      // becoming a translation credits the author as translator, as updateArticle does
      ...(s.url && !head.translatorId ? { translatorId: head.authorId } : {}),
      sourceTitle: s.meta.title,
      sourceAuthor: s.meta.author,
      sourceSite: s.meta.siteName,
      sourcePublishedAt: s.meta.publishedAt,
      sourceLanguage: "en",
      sourceText: s.segments
        .map((seg) => seg.text)
        .filter(Boolean)
        .join("\n\n"),
      sourceSnapshotId: snapshot.id,
      sourceChangedAt: null,
    },
  });
  await auditArticle(tx, actor.id, "translation.ingestSource", head.id, {
    origin: s.origin,
    snapshotId: snapshot.id,
    segments: s.segments.length,
    replacedSegments: removed.count,
    ...(s.url ? { url: s.url.slice(0, 500) } : {}),
  });
  return { version, snapshotId: snapshot.id, segmentCount: s.segments.length, title: s.meta.title };
}
