/** Numbers as values, so "1.2 million", "1,200,000" and "120万" compare equal. */

export type NumberHit = { value: number; raw: string; index: number };

/** A stable key for a numeric value (1.2 * 1e6 and 1200000 are the same number). */
export const numberKey = (n: number) =>
  Number.isSafeInteger(n) ? String(n) : String(Number(n.toPrecision(12)));

const SCALE: Record<string, number> = {
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  k: 1e3,
  m: 1e6,
  b: 1e9,
  bn: 1e9,
  千: 1e3,
  万: 1e4,
  十万: 1e5,
  百万: 1e6,
  千万: 1e7,
  亿: 1e8,
  万亿: 1e12,
};

// A run of digits not glued to a preceding word (APT29, Log4j, 0x41) nor part of a longer number;
// what follows it decides whether it is a number at all (5GB, 2FA are names, 1st is 1).
const ARABIC =
  /(?<![A-Za-z0-9_.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s?(thousand|million|billion|trillion)\b|(bn|[kKMB])(?![A-Za-z])|\s?(万亿|千万|百万|十万|亿|万|千))?/g;
const ORDINAL = /^(?:st|nd|rd|th)(?![A-Za-z])/;

export function arabicNumbers(text: string): NumberHit[] {
  const out: NumberHit[] = [];
  for (const m of text.matchAll(ARABIC)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 3);
    if (/^[A-Za-z]/.test(after) && !ORDINAL.test(after)) continue;
    const base = Number(m[1]!.replaceAll(",", "") + (m[2] ?? ""));
    const unit = (m[3] ?? m[4] ?? m[5])?.toLowerCase();
    out.push({ value: unit ? base * SCALE[unit]! : base, raw: m[0].trim(), index: m.index });
  }
  return out;
}

const CN_DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN_RUN = /[零〇一二两三四五六七八九十百千万亿]+/g;

/** Chinese number words: 三, 十二, 一百零五, 两千, 十二万三千, 1.5 is not written this way. */
export function chineseNumbers(text: string): NumberHit[] {
  const out: NumberHit[] = [];
  for (const m of text.matchAll(CN_RUN)) {
    const value = parseChineseNumber(m[0]);
    if (value !== null) out.push({ value, raw: m[0], index: m.index });
  }
  return out;
}

export function parseChineseNumber(run: string): number | null {
  // 二〇二四: digit by digit, as years are written
  if (run.length > 1 && [...run].every((c) => c in CN_DIGIT)) {
    return Number([...run].map((c) => CN_DIGIT[c]).join(""));
  }
  let total = 0;
  let section = 0;
  let num = 0;
  for (const c of run) {
    if (c in CN_DIGIT) num = CN_DIGIT[c]!;
    else if (c in CN_UNIT) {
      section += (num || 1) * CN_UNIT[c]!;
      num = 0;
    } else if (c === "万") {
      total += (section + num || 1) * 1e4;
      section = num = 0;
    } else if (c === "亿") {
      total = (total + section + num || 1) * 1e8;
      section = num = 0;
    }
  }
  return total + section + num;
}
