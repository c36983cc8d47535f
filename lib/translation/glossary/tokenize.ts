import type { GlossaryEntry } from "@/lib/translation/types";

/** A word (ASCII letters and digits), a separator (spaces and hyphens), or one other character. */
export type Token = { key: string; word: boolean; start: number; end: number };

const UNIT = /([A-Za-z0-9]+)|([\s\-\u2010\u2011\u2012\u2013]+)|([^])/g;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(UNIT)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1]) out.push({ key: m[1].toLowerCase(), word: true, start, end });
    else if (m[2]) out.push({ key: " ", word: false, start, end });
    else out.push({ key: m[0], word: false, start, end });
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
