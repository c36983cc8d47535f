import { Readability } from "@mozilla/readability";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import type { SourceSegment } from "@/lib/translation/types";
import { absoluteUrl, readPageMeta } from "./metadata";
import { parsePage } from "./page-guard";
import { segmentsFromDom } from "./segments";
import { collapse, type DomNode } from "./text";

/**
 * A fetched page → the article in it: attribution (title, author, site, date, lead image) and
 * the body as segments. @mozilla/readability finds the article on a linkedom document; the
 * page's meta tags and JSON-LD fill in what it does not. Any page, however broken, ends in a
 * result or an INVALID with a message, never an exception from the parser.
 */

export type ExtractedSource = {
  title: string;
  author: string | null;
  siteName: string | null;
  publishedAt: Date | null;
  leadImageUrl: string | null;
  excerpt: string | null;
  segments: SourceSegment[];
};

const NO_ARTICLE = "没有从该页面提取到正文（页面可能需要登录或付费，或正文由脚本生成），可改用粘贴原文。";
/** Fewer letters than this is no article: a broken page's stray ">>" or a cookie notice. */
const MIN_LETTERS = 40;

const clip = (s: string | null | undefined, max: number) => {
  const v = collapse(s ?? "");
  return v ? Array.from(v).slice(0, max).join("") : null;
};

function dateOf(value: string | null | undefined): Date | null {
  if (!value) return null;
  const d = new Date(value);
  // a date the page got wrong (0000-00-00, far future) is no date
  const wrong =
    Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1990 || d.getTime() > Date.now() + 2 * 86_400_000;
  return wrong ? null : d;
}

const letters = (segments: SourceSegment[]) =>
  segments.reduce((n, s) => n + (s.kind === "IMAGE" ? 0 : (s.text.match(/\p{L}/gu)?.length ?? 0)), 0);

/**
 * Drops what only repeats the attribution: a first heading equal to the title, and a short
 * "By …" line naming the author (readability leaves it when the meta tags named the author).
 */
function withoutRepeats(segments: SourceSegment[], title: string, author: string | null) {
  const same = (a: string, b: string) => collapse(a).toLowerCase() === collapse(b).toLowerCase();
  return segments.filter((s, i) => {
    if (i > 3) return true;
    if (i === 0 && s.kind === "HEADING" && same(s.text, title)) return false;
    const isByline =
      s.kind === "PARAGRAPH" && s.text.length < 200 && same(s.text.replace(/^by\s+/i, ""), author ?? "");
    return !(author && isByline);
  });
}

export function extractSource(html: string, url: string): ExtractedSource {
  try {
    return extract(html, url);
  } catch (e) {
    if (e instanceof AppError) throw e;
    logger.info({ err: e, url }, "source extraction failed");
    throw new AppError("INVALID", NO_ARTICLE);
  }
}

type Article = {
  content: unknown;
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
};

function extract(html: string, url: string): ExtractedSource {
  const document = parsePage(html);
  const base = absoluteUrl(document.querySelector("base[href]")?.getAttribute("href"), url) ?? url;
  const meta = readPageMeta(document, base);
  const article = new Readability(document as unknown as Document, {
    keepClasses: true, // a code block's language is in its class (language-python)
    serializer: (el) => el, // the element itself: segmenting walks it, no second parse
  }).parse() as Article | null;
  if (!article?.content) throw new AppError("INVALID", NO_ARTICLE);

  const host = new URL(url).hostname;
  const title = clip(article.title || meta.title, 300) ?? host;
  const byline = article.byline?.replace(/^\s*by\s+/i, "");
  const author = clip(byline && !/^https?:\/\//i.test(byline) ? byline : meta.author, 200);
  const segments = withoutRepeats(segmentsFromDom(article.content as DomNode, base), title, author);
  if (letters(segments) < MIN_LETTERS) throw new AppError("INVALID", NO_ARTICLE);
  const firstImage = segments.find((s) => s.kind === "IMAGE")?.node?.attrs?.src;

  return {
    title,
    author,
    siteName: clip(article.siteName || meta.siteName, 100) ?? clip(host, 100),
    publishedAt: dateOf(article.publishedTime) ?? dateOf(meta.publishedTime),
    leadImageUrl: meta.image ?? (typeof firstImage === "string" ? firstImage : null),
    excerpt: clip(meta.description ?? segments.find((s) => s.kind === "PARAGRAPH")?.text, 500),
    segments,
  };
}
