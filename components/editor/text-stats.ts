// Han (Chinese), kana and Hangul: each character is a word and is read at about 400 a minute
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
// a Latin-script word: letters and digits, joined by ' - . inside (don't, zero-day, v1.2)
const WORD = /[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*/gu;

export type TextStats = {
  /** characters without whitespace (code points: an emoji counts once) */
  characters: number;
  /** 字数: CJK characters plus Latin words */
  words: number;
  /** reading time in whole minutes, at least 1 once there is text */
  minutes: number;
};

/** Counts for the editor's footer: 字符, 字数 and 阅读时间 (≈ 400 CJK characters or 200 English words a minute). */
export function textStats(text: string): TextStats {
  const characters = [...text.replace(/\s+/gu, "")].length;
  const cjk = text.match(CJK)?.length ?? 0;
  const latin = text.replace(CJK, " ").match(WORD)?.length ?? 0;
  const minutes = characters ? Math.max(1, Math.round(cjk / 400 + latin / 200)) : 0;
  return { characters, words: cjk + latin, minutes };
}
