/**
 * What instances tell each other on the cache invalidation bus (lib/cache/invalidation-bus.ts):
 * the channel and the NOTIFY payloads, apart from the bus so that what only speaks to PostgreSQL
 * (a test's cleanup that changed rows by hand) can announce tags the same way.
 */

export const INVALIDATION_CHANNEL = "byline_cache_invalidation";
/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more: tags go in chunks well below. */
const MAX_PAYLOAD_BYTES = 7000;

type Message = { o: string; t: string[] };

/** The tags as NOTIFY payloads of this origin, each under the size limit. */
export function invalidationPayloads(origin: string, tags: string[]): string[] {
  const out: string[] = [];
  let chunk: string[] = [];
  const encode = (t: string[]) => JSON.stringify({ o: origin, t } satisfies Message);
  for (const tag of new Set(tags)) {
    if (Buffer.byteLength(encode([tag])) > MAX_PAYLOAD_BYTES) continue; // no real tag is 7 KB
    if (chunk.length && Buffer.byteLength(encode([...chunk, tag])) > MAX_PAYLOAD_BYTES) {
      out.push(encode(chunk));
      chunk = [];
    }
    chunk.push(tag);
  }
  if (chunk.length) out.push(encode(chunk));
  return out;
}

/** A payload from another instance → its tags; null for our own, or anything malformed. */
export function tagsFromPayload(origin: string, payload: string | undefined): string[] | null {
  try {
    const m = JSON.parse(payload ?? "") as Partial<Message>;
    if (typeof m.o !== "string" || m.o === origin || !Array.isArray(m.t)) return null;
    const tags = m.t.filter((t): t is string => typeof t === "string" && t.length > 0 && t.length <= 256);
    return tags.length ? tags : null;
  } catch {
    return null;
  }
}
