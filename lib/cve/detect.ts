import type { JSONContent } from "@tiptap/core";
import { isCanonicalCveId, toHalfWidth } from "./id";
import { readIocItems } from "@/lib/ioc/block";

export type CveMatch = { id: string; start: number; end: number };

/**
 * A candidate: not preceded by an ASCII letter, digit or a character that makes it part of a path, query
 * or longer token (`/`, `=`, `.`, `-`, `_`…), not followed by one that makes it longer. Chinese
 * text and punctuation around an id (、，。（）：) are boundaries. The sequence is matched with up
 * to eight digits so that an over-long one fails as a whole instead of matching its first seven.
 */
const CANDIDATE = /(?<![A-Za-z0-9_\-/\\=.?&#%@+~])CVE-(\d{4})-(\d{4,8})(?![A-Za-z0-9_\-])/giu;

/**
 * URLs written as plain text (with a scheme or starting with www.): an id inside one is part of
 * the address, not a mention. The URL ends at white space, quotes, angle brackets or Chinese
 * punctuation.
 */
const URL_SPAN = /(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.)[^\s<>"'\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20]*/giu;

/** Every CVE id mentioned in a run of plain text, canonical, with its offsets in `text`. */
export function findCveIds(text: string, now?: Date): CveMatch[] {
  if (!/[cCｃＣ]/.test(text)) return [];
  const ascii = toHalfWidth(text);
  // on the original text: its full-width punctuation ends a URL, converted it would not
  const urls = [...text.matchAll(URL_SPAN)].map((m) => [m.index, m.index + m[0].length] as const);
  const out: CveMatch[] = [];
  for (const m of ascii.matchAll(CANDIDATE)) {
    const id = m[0].toUpperCase();
    if (!isCanonicalCveId(id, now)) continue;
    const start = m.index;
    const end = start + m[0].length;
    if (urls.some(([s, e]) => start < e && end > s)) continue;
    out.push({ id, start, end });
  }
  return out;
}

/** Marks whose text is not prose: code is quoted literally, a link already points somewhere. */
const SKIP_MARKS = new Set(["code", "link"]);
/** Nodes whose text is never prose. */
const SKIP_NODES = new Set(["codeBlock"]);

/** Whether a text node is prose in which ids are mentions (not inside inline code or a link). */
export const isProseText = (node: { marks?: readonly { type: string | { name: string } }[] | null }) =>
  !(node.marks ?? []).some((m) => SKIP_MARKS.has(typeof m.type === "string" ? m.type : m.type.name));

/** The most distinct ids kept per article: a document of ten thousand ids is a list, not an article. */
const MAX_CVES_PER_ARTICLE = 500;

/**
 * The distinct CVE ids mentioned in an article body (tiptap JSON), in order of first mention:
 * text nodes outside code blocks, inline code and links, and the CVE rows of IOC blocks. An explicit stack, like every walk
 * of a document here (no recursion depth to exhaust).
 */
export function detectCves(doc: JSONContent, now?: Date): string[] {
  const found = new Set<string>();
  const stack: JSONContent[] = [doc];
  while (stack.length && found.size < MAX_CVES_PER_ARTICLE) {
    const node = stack.pop()!;
    if (SKIP_NODES.has(node.type ?? "")) continue;
    // an IOC block's CVE rows name the vulnerability outright (issue 16): a mention too
    if (node.type === "iocBlock") {
      for (const item of readIocItems(node.attrs?.items))
        if (item.type === "cve") for (const m of findCveIds(item.value, now)) found.add(m.id);
      continue;
    }
    if (node.type === "text") {
      if (typeof node.text === "string" && isProseText(node))
        for (const m of findCveIds(node.text, now)) found.add(m.id);
      continue;
    }
    const children = Array.isArray(node.content) ? node.content : [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return [...found].slice(0, MAX_CVES_PER_ARTICLE);
}
