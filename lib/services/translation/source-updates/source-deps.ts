import type { ExtractedSource } from "@/lib/translation/source/extract";
import type { FetchedSource } from "@/lib/translation/source/safe-fetch";
import type { SourceSegment } from "@/lib/translation/types";

/** What the job needs from ingestion (lib/translation/source), injectable for tests. */
export type FetchSource = (
  url: string,
  opts: { etag?: string; lastModified?: string },
) => Promise<FetchedSource>;

export type ExtractSource = (html: string, url: string) => ExtractedSource | Promise<ExtractedSource>;
export type HashSegments = (segments: SourceSegment[]) => string;

export type SourceDeps = { fetch: FetchSource; extract: ExtractSource; hash: HashSegments };
