/**
 * The text the token checks compare: full-width ASCII folded to ASCII (ＣＶＥ－２０２４ → CVE-2024,
 * １，２３４ → 1,234), dash look-alikes folded to "-", and defanged indicators refanged
 * (hxxp → http, example[.]com → example.com, [:]// → ://), so a defanged source and a fanged
 * target, or the reverse, compare equal.
 */
export function normalizeForQa(text: string): string {
  return refang(toHalfWidth(text).replace(/[\u2010-\u2015\u2212\uFE63]/g, "-"));
}

function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ");
}

const DEFANGS: [RegExp, string][] = [
  [/\bh(?:xx|XX|xX|Xx)p(s?)(?=\[?:)/g, "http$1"],
  [/\bfxp(?=\[?:)/gi, "ftp"],
  [/\[:\/\/\]/g, "://"],
  [/\[:\]/g, ":"],
  [/\[\/\]/g, "/"],
  [/\[@\]|\[at\]/gi, "@"],
  [/\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)/gi, "."],
];

function refang(text: string): string {
  // every defang needs a bracket or an "xp"; most segments have neither
  if (!/[[({]|xp/i.test(text)) return text;
  let out = text;
  for (const [re, to] of DEFANGS) out = out.replace(re, to);
  return out;
}
