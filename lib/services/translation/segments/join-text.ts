// CJK ideographs, kana, hangul and full-width punctuation: Chinese is written without spaces
const CJK = /[\u3000-\u303f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;

/**
 * Two pieces of one sentence, joined: with a space between Latin text (the English source),
 * without one where either side is Chinese (our target), and no doubled or dangling spaces.
 */
export function joinText(a: string, b: string): string {
  const left = a.trimEnd();
  const right = b.trimStart();
  if (!left || !right) return left + right;
  const spaced = !CJK.test(left.at(-1)!) && !CJK.test(right[0]!);
  return spaced ? `${left} ${right}` : left + right;
}

/** Splits at a UTF-16 offset, never between the halves of a surrogate pair (an emoji). */
export function splitAt(text: string, offset: number): [string, string] | null {
  if (offset < 0 || offset > text.length) return null;
  const code = text.charCodeAt(offset);
  if (offset > 0 && offset < text.length && code >= 0xdc00 && code <= 0xdfff) return null;
  return [text.slice(0, offset).trimEnd(), text.slice(offset).trimStart()];
}
