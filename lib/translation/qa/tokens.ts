import ipaddr from "ipaddr.js";
import { arabicNumbers, chineseNumbers, numberKey } from "./numbers";

/** What kind of token must survive translation unchanged. */
export type TokenCode =
  "code" | "url" | "cvss" | "cve" | "ip" | "hash" | "path" | "domain" | "version" | "number";

export type QaToken = {
  code: TokenCode;
  /** the comparison key: lower-cased canonical form, or the numeric key for numbers */
  value: string;
  /** as written (after normalisation), for messages */
  display: string;
};

type Extractor = {
  code: TokenCode;
  re: RegExp;
  canon: (raw: string) => string | null;
  /** a cheap test that the text may hold such a token: most segments hold none, and matchAll is not free */
  hint?: (text: string) => boolean;
};

const TRAILING = /[.,;:!?)\]'"]+$/;
const trimTail = (s: string) => s.replace(TRAILING, "");

// Common TLDs only: "Node.js", "file.exe" and "install.sh" are not domains in a news article.
const TLD =
  "com|net|org|io|gov|edu|mil|int|info|biz|xyz|top|online|site|club|shop|app|dev|cloud|tech|live|pro|" +
  "me|tk|ml|ga|cf|gq|cc|tv|ws|co|us|uk|de|ru|cn|jp|kr|fr|nl|eu|br|au|ca|ch|pl|ir|kp|su|ua|hk|tw|sg|" +
  "onion|icu|vip|link|xn--[a-z0-9-]+";

// Order matters: each extractor blanks what it took, so a URL's path is not also a file path,
// a CVE's year is not also a number, and an IP is not also a version.
const EXTRACTORS: Extractor[] = [
  {
    code: "code",
    hint: (t) => t.includes("`"),
    re: /`([^`\n]+)`/g,
    canon: (raw) => raw.slice(1, -1).trim().toLowerCase() || null,
  },
  {
    code: "url",
    hint: (t) => t.includes("://"),
    re: /\b(?:https?|ftps?|wss?):\/\/[^\s<>"'`\u0080-\uFFFF]+/gi,
    canon: (raw) => trimTail(raw).replace(/\/$/, "").toLowerCase(),
  },
  {
    code: "cvss",
    hint: (t) => t.includes("AV:"),
    re: /(?:CVSS:\d\.\d\/)?AV:[NALP](?:\/[A-Za-z]{1,3}:[A-Za-z]{1,2})+/g,
    canon: (raw) => raw.toLowerCase(),
  },
  {
    code: "cve",
    hint: (t) => /cve/i.test(t),
    re: /\bCVE[-_ ]?(\d{4})[-_](\d{4,7})\b/gi,
    canon: (raw) => raw.replace(/^CVE[-_ ]?(\d{4})[-_](\d+)$/i, "cve-$1-$2").toLowerCase(),
  },
  {
    code: "ip",
    hint: (t) => t.indexOf(":") !== t.lastIndexOf(":"),
    re: /(?<![0-9A-Za-z:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?:\/\d{1,3})?(?![0-9A-Za-z:])/g,
    canon: ipv6Canon,
  },
  {
    code: "ip",
    hint: (t) => /\d\.\d/.test(t),
    re: /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\/(?:3[0-2]|[12]?\d))?(?!\d|\.\d)/g,
    canon: (raw) => raw,
  },
  {
    code: "hash",
    re: /(?<![0-9A-Za-z])[0-9A-Fa-f]{32,128}(?![0-9A-Za-z])/g,
    canon: (raw) => ([32, 40, 64, 128].includes(raw.length) ? raw.toLowerCase() : null),
  },
  {
    code: "path",
    hint: (t) => t.includes("\\"),
    re: /(?<![A-Za-z0-9])(?:[A-Za-z]:\\|%[A-Za-z_]+%\\|\\\\[A-Za-z0-9._$-]+\\)[^\s<>"'|?*\u0080-\uFFFF]*/g,
    canon: (raw) => trimTail(raw).toLowerCase(),
  },
  {
    code: "path",
    hint: (t) => t.includes("/"),
    re: /(?<![\w.:/~-])(?:~|\.{1,2})?\/(?:etc|usr|var|tmp|opt|home|root|bin|sbin|dev|proc|sys|lib|lib64|boot|mnt|srv|run|Library|Users|Applications|System|private|Volumes)(?:\/[^\s<>"'`\u0080-\uFFFF]*)?|(?<![\w.:/-])~\/[^\s<>"'`\u0080-\uFFFF]+/g,
    canon: (raw) => trimTail(raw).toLowerCase(),
  },
  {
    code: "domain",
    hint: (t) => t.includes("."),
    re: new RegExp(
      `(?<![\\w./-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:${TLD})(?![\\w-]|\\.[a-z0-9])`,
      "gi",
    ),
    canon: (raw) => (/[a-z]/i.test(raw.split(".")[0]!) ? raw.toLowerCase() : null),
  },
  {
    code: "version",
    hint: (t) => /\d\.\d|v\d/i.test(t),
    re: /(?<![\w./-])(?:v\d+(?:\.\d+)*(?:[-+][0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*)?|\d+\.\d+(?:\.\d+)+(?:[-+][0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*|(?:rc|alpha|beta|dev|pre|post|a|b|p)\d*)?|\d+\.\d+(?:-(?:rc|alpha|beta|pre|preview|dev)[0-9A-Za-z.]*|(?:rc|alpha|beta)\d*))(?![\w-]|\.\d)/gi,
    canon: (raw) => raw.toLowerCase().replace(/^v/, ""),
  },
];

function ipv6Canon(raw: string): string | null {
  const [addr, prefix] = raw.split("/");
  if (!addr || !/[0-9a-f]/i.test(addr) || !ipaddr.IPv6.isValid(addr)) return null;
  const canon = ipaddr.IPv6.parse(addr).toRFC5952String();
  return prefix === undefined ? canon : `${canon}/${prefix}`;
}

type Span = { index: number; length: number };

/** `text` with the spans replaced by spaces, built once (blanking match by match was quadratic). */
function blank(text: string, spans: Span[]): string {
  if (spans.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const { index, length } of spans) {
    parts.push(text.slice(at, index), " ".repeat(length));
    at = index + length;
  }
  parts.push(text.slice(at));
  return parts.join("");
}

/** Tokens of `text` (already normalised with normalizeForQa), in extraction order. */
export function extractTokens(text: string): QaToken[] {
  const out: QaToken[] = [];
  let rest = text;
  for (const { code, re, canon, hint } of EXTRACTORS) {
    if (hint && !hint(rest)) continue;
    const taken: Span[] = [];
    for (const m of rest.matchAll(re)) {
      const raw = code === "url" || code === "path" ? trimTail(m[0]) : m[0];
      const value = canon(m[0]);
      if (value === null) continue;
      out.push({ code, value, display: raw });
      taken.push({ index: m.index, length: raw.length });
    }
    rest = blank(rest, taken);
  }
  const arabic = arabicNumbers(rest);
  // "120万" is one number, not also 万
  const blanked = blank(
    rest,
    arabic.map((n) => ({ index: n.index, length: n.raw.length })),
  );
  for (const n of [...arabic, ...chineseNumbers(blanked)]) {
    const code = isCvssScore(rest, n.index, n.value, n.raw) ? "cvss" : "number";
    out.push({ code, value: numberKey(n.value), display: n.raw });
  }
  return out;
}

// A score is a decimal from 0 to 10 shortly after the word CVSS ("CVSS v3.1 score of 9.8", "CVSS 评分 9.8").
function isCvssScore(text: string, index: number, value: number, raw: string): boolean {
  return raw.includes(".") && value <= 10 && /cvss/i.test(text.slice(Math.max(0, index - 40), index));
}
