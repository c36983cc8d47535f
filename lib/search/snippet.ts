/**
 * Search-result highlighting. Everything is HTML-escaped; the only markup produced is <mark>.
 * Query words come from segmentQuery (lower-cased, no tsquery syntax). ASCII words only match
 * whole words ("kerberos" does not light up inside "kerberoasting"); CJK words match anywhere,
 * as the jieba index does.
 */
// local, so importing this does not pull the code highlighter (lib/content/highlight) into search
const escapeHtml = (s: string) =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");

function matcher(words: string[]): RegExp | null {
  const parts = [...new Set(words.filter(Boolean))]
    .sort((a, b) => b.length - a.length)
    .map((w) => {
      const escaped = w.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
      return /^[a-z0-9]+$/i.test(w) ? `(?<![a-z0-9])${escaped}(?![a-z0-9])` : escaped;
    });
  return parts.length ? new RegExp(parts.join("|"), "giu") : null;
}

/** Escapes `text` and wraps every occurrence of a query word in <mark>. */
export function highlightHtml(text: string, words: string[]): string {
  const re = matcher(words);
  if (!re) return escapeHtml(text);
  let out = "";
  let last = 0;
  for (const m of text.matchAll(re)) {
    out += escapeHtml(text.slice(last, m.index)) + `<mark>${escapeHtml(m[0])}</mark>`;
    last = m.index + m[0].length;
  }
  return out + escapeHtml(text.slice(last));
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * A highlighted excerpt of about `length` characters around the first hit in the first of `texts`
 * that contains one; the start of the first non-empty text when none does.
 */
export function snippetHtml(texts: string[], words: string[], length = 120): string {
  const re = matcher(words);
  for (const raw of texts) {
    const text = raw.replace(/\s+/g, " ").trim();
    if (!text || !re) continue;
    re.lastIndex = 0;
    const hit = re.exec(text);
    if (!hit) continue;
    let start = Math.max(0, hit.index - Math.floor(length / 3));
    if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start++;
    let end = Math.min(text.length, start + length);
    if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++;
    return (
      (start > 0 ? "…" : "") + highlightHtml(text.slice(start, end), words) + (end < text.length ? "…" : "")
    );
  }
  const first = texts.map((t) => t.replace(/\s+/g, " ").trim()).find(Boolean) ?? "";
  const cut = Array.from(first);
  return escapeHtml(cut.slice(0, length).join("")) + (cut.length > length ? "…" : "");
}
