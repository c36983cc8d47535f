import type { SourceSegment } from "@/lib/translation/types";

/** What the job needs from ingestion (lib/translation/source), injectable for tests. */
type FetchedSource =
  | { notModified: true }
  | {
      notModified: false;
      url: string;
      finalUrl: string;
      html: string;
      etag: string | null;
      lastModified: string | null;
      fetchedAt: Date;
    };
export type FetchSource = (
  url: string,
  opts: { etag?: string; lastModified?: string },
) => Promise<FetchedSource>;

type ExtractedSource = {
  title: string;
  author: string | null;
  siteName: string | null;
  publishedAt: Date | null;
  leadImageUrl: string | null;
  segments: SourceSegment[];
};
export type ExtractSource = (html: string, url: string) => ExtractedSource | Promise<ExtractedSource>;
export type HashSegments = (segments: SourceSegment[]) => string;

export type SourceDeps = { fetch: FetchSource; extract: ExtractSource; hash: HashSegments };
