import { refang } from "./defang";
import { detectIoc, type DetectedIoc } from "./detect";
import { type IocItem, isNetworkType, MAX_IOC_ITEMS, MAX_IOC_PASTE } from "./types";

export type ParsedIocList = {
  items: IocItem[];
  /** tokens no type accepts, in order, each once (at most MAX_REPORTED) */
  unrecognised: string[];
  /** values dropped because they were already in the list (or in `existing`) */
  duplicates: number;
  /** true when the text or the list was cut at MAX_IOC_PASTE characters or MAX_IOC_ITEMS items */
  truncated: boolean;
};

const MAX_REPORTED = 50;
/** A token without what may wrap it in a list: quotes, angle brackets, parentheses, a separator. */
function unwrap(token: string): string {
  const t = token.replace(/^["'`“”‘’<(（]+/, "").replace(/["'`“”‘’>,;，；、。]+$/, "");
  // "(evil.com)" loses its parenthesis, "javascript:alert(1)" keeps it
  return t.includes("(") ? t : t.replace(/[)）]+$/, "");
}

/** A token as the author may see it in the "could not classify" list: controls shown, long ones cut. */
const shown = (t: string) =>
  (t.length > 80 ? `${t.slice(0, 80)}…` : t).replace(/[\u0000-\u001F\u007F-\u009F]/g, "\uFFFD");

/**
 * A token as written, or refanged: a network value is taken refanged (evil[.]com → evil.com),
 * anything else as written, so a file name or registry key that happens to contain "[.]" is kept.
 */
function classify(token: string): DetectedIoc | null {
  const fanged = detectIoc(refang(token));
  if (fanged && isNetworkType(fanged.type)) return fanged;
  return detectIoc(token) ?? fanged;
}

/**
 * A pasted list of indicators: one per line, or separated by white space, commas or semicolons.
 * A whole line is tried first as a registry key (their names may contain spaces), then its tokens.
 * Values are refanged, typed, normalised and de-duplicated (by type and value, also against
 * `existing`, the rows the block already has). New rows are marked malicious: a list pasted
 * into an IOC block is a list of bad indicators unless the author says otherwise.
 */
export function parseIocList(text: string, existing: readonly IocItem[] = []): ParsedIocList {
  const truncated = text.length > MAX_IOC_PASTE;
  const seen = new Set(existing.map((i) => `${i.type}\u0000${i.value}`));
  const out: ParsedIocList = { items: [], unrecognised: [], duplicates: 0, truncated };
  const add = (d: DetectedIoc) => {
    const key = `${d.type}\u0000${d.value}`;
    if (seen.has(key)) return void out.duplicates++;
    if (existing.length + out.items.length >= MAX_IOC_ITEMS) return void (out.truncated = true);
    seen.add(key);
    out.items.push({ type: d.type, value: d.value, context: "", malicious: true });
  };
  const unknown = (t: string) => {
    const s = shown(t);
    if (out.unrecognised.length < MAX_REPORTED && !out.unrecognised.includes(s)) out.unrecognised.push(s);
  };
  for (const line of text.slice(0, MAX_IOC_PASTE).split(/\r?\n/)) {
    const whole = unwrap(line.trim());
    if (whole === "") continue;
    // only a registry key is taken whole: "evil.com dropper.exe" is two indicators, not a file name
    const asLine = /\s/.test(whole) ? detectIoc(whole) : null;
    if (asLine?.type === "regkey") {
      add(asLine);
      continue;
    }
    for (const raw of refangSpaced(whole).split(/[\s,;，；、]+/)) {
      const token = unwrap(raw);
      if (token === "") continue;
      const d = classify(token);
      if (d) add(d);
      else unknown(token);
    }
  }
  return out;
}

/** "evil [.] com" and "name [at] example [dot] com" joined before the line is split at spaces */
const refangSpaced = (line: string) =>
  line.replace(/\s+(\[(?:\.|dot|@|at)\]|\((?:\.|dot|at)\)|\{(?:\.|dot)\})\s+/gi, "$1");
