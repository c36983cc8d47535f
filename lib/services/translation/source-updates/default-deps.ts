import "server-only";
import type { SourceDeps } from "./source-deps";

/** The real fetcher, extractor and hash, loaded only when a run has something to check. */
export async function defaultSourceDeps(given: Partial<SourceDeps>): Promise<SourceDeps> {
  if (given.fetch && given.extract && given.hash) return given as SourceDeps;
  const [{ fetchSource }, { extractSource }, { hashSegments }] = await Promise.all([
    import("@/lib/translation/source/safe-fetch"),
    import("@/lib/translation/source/extract"),
    import("@/lib/translation/source/hash"),
  ]);
  return {
    fetch: given.fetch ?? fetchSource,
    extract: given.extract ?? extractSource,
    hash: given.hash ?? hashSegments,
  };
}
