/**
 * Keyset cursor for article lists ordered by (publishedAt DESC, publicId DESC): "<ms base36>.<publicId>".
 * The public id is used rather than the internal one, so URLs never expose Article.id.
 */
export type Cursor = { publishedAt: Date; publicId: string };

const shape = /^([0-9a-z]{1,11})\.([A-Za-z0-9_-]{1,16})$/;

export function encodeCursor(c: Cursor): string {
  return `${c.publishedAt.getTime().toString(36)}.${c.publicId}`;
}

/** Returns null for anything malformed, so a hand-edited URL falls back to the first page. */
export function decodeCursor(raw: string | string[] | undefined | null): Cursor | null {
  if (typeof raw !== "string") return null;
  const m = shape.exec(raw);
  if (!m) return null;
  const ms = parseInt(m[1]!, 36);
  if (!Number.isSafeInteger(ms) || ms <= 0) return null;
  return { publishedAt: new Date(ms), publicId: m[2]! };
}
