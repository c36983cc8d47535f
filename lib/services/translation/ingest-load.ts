import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SourceOrigin } from "@/lib/generated/prisma/enums";
import { extractSource, type ExtractedSource } from "@/lib/translation/source/extract";
import { fetchSource, type FetchSourceOptions } from "@/lib/translation/source/safe-fetch";
import { segmentsFromHtml } from "@/lib/translation/source/segments";
import { segmentsFromText } from "@/lib/translation/source/segments-text";
import type { SourceSegment } from "@/lib/translation/types";

/** The source as ingestion stores it, obtained before any transaction opens. */
export type LoadedSource = {
  origin: SourceOrigin;
  url: string | null;
  finalUrl: string | null;
  etag: string | null;
  lastModified: string | null;
  fetchedAt: Date;
  meta: Omit<ExtractedSource, "segments" | "excerpt">;
  segments: SourceSegment[];
};

const metaOf = (x: ExtractedSource): LoadedSource["meta"] => ({
  title: x.title,
  author: x.author,
  siteName: x.siteName,
  publishedAt: x.publishedAt,
  leadImageUrl: x.leadImageUrl,
});

type Request = { url?: string; pasted?: { text?: string; html?: string } };

const hostOf = (url: string | null) => (url && URL.canParse(url) ? new URL(url).hostname : null);
/** The base for a pasted page without a source URL; extraction falls back to the host for title and site. */
const NO_HOST = "source.invalid";
const known = (v: string | null | undefined) => (v && v !== NO_HOST ? v : null);
const NOTHING_PASTED = "粘贴的内容中没有找到可翻译的文字，请检查后重试。";

async function fetched(url: string, opts?: FetchSourceOptions): Promise<LoadedSource> {
  const page = await fetchSource(url, opts);
  if (page.notModified) throw new AppError("INVALID", "原文网站没有返回内容，请稍后重试。"); // no validators were sent
  const x = extractSource(page.html, page.finalUrl);
  return {
    origin: "FETCHED",
    url,
    finalUrl: page.finalUrl,
    etag: page.etag,
    lastModified: page.lastModified,
    fetchedAt: page.fetchedAt,
    meta: metaOf(x),
    segments: x.segments,
  };
}

/**
 * A pasted source keeps the attribution the article already has (the URL is still the source,
 * it just could not be fetched). A whole pasted page is read like a fetched one first, so its
 * own meta tags fill what is missing; a fragment or plain text is segmented as it is.
 */
async function pasted(articleId: string, p: { text?: string; html?: string }): Promise<LoadedSource> {
  const a = await db.article.findUniqueOrThrow({
    where: { id: articleId },
    select: {
      title: true,
      sourceUrl: true,
      sourceTitle: true,
      sourceAuthor: true,
      sourceSite: true,
      sourcePublishedAt: true,
    },
  });
  let page: ExtractedSource | null = null;
  let segments: SourceSegment[];
  if (p.html?.trim()) {
    if (/<(html|body|article)[\s>]/i.test(p.html)) {
      try {
        page = extractSource(p.html, a.sourceUrl ?? `https://${NO_HOST}/`);
      } catch (e) {
        if (!(e instanceof AppError)) throw e; // no article found: the whole paste is the article
      }
    }
    segments = page?.segments ?? segmentsFromHtml(p.html, a.sourceUrl);
  } else segments = segmentsFromText(p.text ?? "");
  if (!segments.some((s) => s.text.trim())) throw new AppError("INVALID", NOTHING_PASTED);

  const firstHeading = segments.find((s) => s.kind === "HEADING")?.text;
  return {
    origin: "PASTED",
    url: null,
    finalUrl: null,
    etag: null,
    lastModified: null,
    fetchedAt: new Date(),
    meta: {
      title: Array.from(a.sourceTitle ?? known(page?.title) ?? firstHeading ?? a.title)
        .slice(0, 300)
        .join(""),
      author: a.sourceAuthor ?? page?.author ?? null,
      siteName: a.sourceSite ?? known(page?.siteName) ?? hostOf(a.sourceUrl),
      publishedAt: a.sourcePublishedAt ?? page?.publishedAt ?? null,
      leadImageUrl: page?.leadImageUrl ?? null,
    },
    segments,
  };
}

export function loadSource(
  req: Request,
  articleId: string,
  opts?: FetchSourceOptions,
): Promise<LoadedSource> {
  return req.url !== undefined ? fetched(req.url, opts) : pasted(articleId, req.pasted ?? {});
}
