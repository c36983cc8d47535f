import type { GlossaryEntry } from "@/lib/translation/types";

/** A word (ASCII letters and digits), a separator (spaces and hyphens), or one other character. */
export type Token = { key: string; word: boolean; start: number; end: number };

const isWordCode = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
// whitespace, "-" and the Unicode hyphens and en dash: "zero-day" = "zero day" = "zero‑day"
const isSeparator = (c: number) =>
  c === 32 ||
  c === 45 ||
  (c >= 9 && c <= 13) ||
  (c > 127 && /[\s\u2010-\u2013]/.test(String.fromCharCode(c)));

/** A hand-written scanner: the matcher tokenizes every segment the editor shows, on every change. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const start = i;
    if (isWordCode(text.charCodeAt(i))) {
      while (i < text.length && isWordCode(text.charCodeAt(i))) i++;
      out.push({ key: text.slice(start, i).toLowerCase(), word: true, start, end: i });
    } else if (isSeparator(text.charCodeAt(i))) {
      while (i < text.length && isSeparator(text.charCodeAt(i))) i++;
      out.push({ key: " ", word: false, start, end: i });
    } else {
      i++;
      out.push({ key: text[start]!, word: false, start, end: i });
    }
  }
  return out;
}

/** Short all-capital terms (APT, RAT, C2, 2FA): matched only in capitals. */
function isAcronym(source: string): boolean {
  return /^(?=.*[A-Z])[A-Z0-9&]{2,6}$/.test(source.trim());
}

export type Form = { text: string; acronym: boolean };

/**
 * The source, its variants, and simple English plurals of each (s, es, consonant + y → ies).
 * Whether a form is an acronym is decided per form: "remote access trojan" may have the variant "RAT".
 */
export function formsOf(entry: GlossaryEntry): Form[] {
  const forms = new Map<string, Form>();
  for (const raw of [entry.source, ...entry.variants]) {
    const text = raw.trim();
    if (!text) continue;
    const acronym = isAcronym(text);
    for (const t of [text, ...pluralsOf(text)]) if (!forms.has(t)) forms.set(t, { text: t, acronym });
  }
  return [...forms.values()];
}

function pluralsOf(form: string): string[] {
  const last = /([A-Za-z]+)$/.exec(form)?.[1];
  if (!last) return [];
  const stem = form.slice(0, -last.length);
  if (last === last.toUpperCase()) return [`${form}s`];
  const out = [`${form}s`];
  if (/(s|x|z|ch|sh)$/i.test(last)) out.push(`${form}es`);
  if (/[^aeiou]y$/i.test(last)) out.push(`${stem}${last.slice(0, -1)}ies`);
  return out;
}
