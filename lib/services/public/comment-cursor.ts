/**
 * Keyset cursor for an article's top-level comments, ordered by (createdAt, id) in either
 * direction: "<ms base36>.<comment id>", the last thread of the page before. Opaque to readers;
 * anything malformed decodes to null and the route answers 400 instead of guessing a page.
 */
export type CommentCursor = { createdAt: Date; id: string };

const shape = /^([0-9a-z]{1,11})\.([A-Za-z0-9_-]{1,40})$/;

export function encodeCommentCursor(c: CommentCursor): string {
  return `${c.createdAt.getTime().toString(36)}.${c.id}`;
}

export function decodeCommentCursor(raw: string | null | undefined): CommentCursor | null {
  if (typeof raw !== "string") return null;
  const m = shape.exec(raw);
  if (!m) return null;
  const ms = parseInt(m[1]!, 36);
  if (!Number.isSafeInteger(ms) || ms <= 0 || ms > 8.64e15) return null;
  return { createdAt: new Date(ms), id: m[2]! };
}
