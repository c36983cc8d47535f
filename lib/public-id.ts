import { randomInt } from "node:crypto";

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
