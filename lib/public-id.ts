import { randomInt } from "node:crypto";
import { z } from "zod";

const LETTERS = "abcdefghijklmnopqrstuvwxyz";
const BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";

/**
 * A short random base36 id for public URLs ("u7k2m9"): 6 characters is ~1.1 billion values,
 * enough that callers retry on the rare unique-index conflict. It starts with a letter so it
 * never reads as a number (old numeric 4hou-style ids, spreadsheet exports).
 */
export function newPublicId(length = 6): string {
  let id = LETTERS[randomInt(LETTERS.length)]!;
  while (id.length < length) id += BASE36[randomInt(BASE36.length)]!;
  return id;
}

/**
 * What a public id in a URL or request may look like: ours are 6 base36 characters, older
 * imported ones up to 16 of [A-Za-z0-9_-]. Checked before any query, so a malformed id (NUL,
 * slashes, a megabyte of text) never reaches PostgreSQL.
 */
export const PUBLIC_ID_PATTERN = /^[A-Za-z0-9_-]{1,16}$/;

export const publicIdSchema = z.string().regex(PUBLIC_ID_PATTERN, "文章编号无效。");

/** A row id (cuid) sent back by a form or client component: comments, users, revisions. */
export const rowIdSchema = (message: string) => z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, message);
