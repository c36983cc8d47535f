import { normalizeForMatch } from "./normalize";

/**
 * The two text tests of the comment rules: blocked words and links. Both run on
 * normalizeForMatch'ed text, so full-width, upper-case and zero-width variants match too.
 */

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;

// A CJK character next to a Latin word does not extend it: in 你是个ass吧 "ass" is a word of its own.
const isWordChar = (ch: string | undefined) => !!ch && LETTER_OR_DIGIT.test(ch) && !CJK.test(ch);
const lastChar = (s: string) => Array.from(s.slice(-2)).pop();
const firstChar = (s: string) => Array.from(s.slice(0, 2))[0];

/**
 * Whether `needle` (normalised) occurs in `text` (normalised). Entries with CJK match anywhere,
 * since Chinese has no spaces between words; others match whole words only, so "ass" does not
 * match "class" (a boundary is required only where the entry itself starts or ends with a letter
 * or digit, as with \b).
 */
export function containsWord(text: string, needle: string): boolean {
  if (!needle) return false;
  if (CJK.test(needle)) return text.includes(needle);
  const checkStart = isWordChar(firstChar(needle));
  const checkEnd = isWordChar(lastChar(needle));
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) {
    const end = i + needle.length;
    if (checkStart && isWordChar(lastChar(text.slice(0, i)))) continue;
    if (checkEnd && isWordChar(firstChar(text.slice(end)))) continue;
    return true;
  }
  return false;
}

/** The first entry of `words` found in `text`, as the admin wrote it, or null. */
export function findBlockedWord(text: string, words: readonly string[]): string | null {
  const haystack = normalizeForMatch(text);
  return words.find((w) => containsWord(haystack, normalizeForMatch(w))) ?? null;
}

// Top-level domains spam actually uses, kept short so "v1.2", "node.js" or "e.g." are not links.
const TLDS = [
  "com", "net", "org", "info", "biz", "cn", "io", "co", "me", "tv", "cc", "xyz", "top", "vip", "club",
  "site", "online", "shop", "app", "dev", "ru", "uk", "jp", "hk", "tw", "us", "gov", "edu", "ly", "to",
].join("|"); // prettier-ignore
// bounded like real DNS labels (63 characters), so a long run of letters costs linear time to scan
const LABEL = String.raw`(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?|\p{Script=Han}{1,20})`;
// After NFKC the full-width dot (．) is "." and the halfwidth ideographic stop (｡) is "。"; a
// Chinese full stop between a name and a Latin TLD ("例子。cn") is a way round link filters.
const DOT = "[.。]";
const LINK = new RegExp(
  [
    String.raw`(?:https?|ftp):\/\/\S+`,
    String.raw`www${DOT}\S+`,
    String.raw`(?<![a-z0-9-])${LABEL}(?:${DOT}${LABEL})*${DOT}(?:${TLDS})(?![a-z0-9-])`,
    // Chinese TLDs only after a real dot: "他的公司。公司很大" is a sentence, not a host
    String.raw`(?<![a-z0-9-])${LABEL}\.(?:中国|公司|网络)`,
  ].join("|"),
  "u",
);

/** The first link or bare domain in `text` (normalised, as seen by the rule), or null. */
export function findLink(text: string): string | null {
  return LINK.exec(normalizeForMatch(text))?.[0] ?? null;
}
