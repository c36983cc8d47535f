import fc from "fast-check";

/**
 * For tests: strings built from the pieces that break output contexts (markup, quotes, CDATA
 * terminators, script-closing sequences, comment openers, line and paragraph separators, NUL and
 * other controls, lone surrogates, entity look-alikes) mixed with arbitrary code points and
 * Chinese text. Shared by the escaping unit tests and the comment/profile fuzz suites.
 */
const HOSTILE_PIECES = [
  "<",
  ">",
  "&",
  '"',
  "'",
  "`",
  "]]>",
  "<![CDATA[",
  "</script",
  "</script>",
  "<script>alert(1)</script>",
  "<!--",
  "-->",
  "<img src=x onerror=alert(1)>",
  "<svg/onload=alert(1)>",
  '"><a href="javascript:alert(1)">',
  "javascript:alert(1)",
  "&amp;",
  "&lt;",
  "&#x3C;",
  "&#60",
  "\u2028",
  "\u2029",
  "\0",
  "\u0001",
  "\u000b",
  "\u001b[31m",
  "\u007f",
  "\u0085",
  "\ufffe",
  "\uffff",
  "\ud800",
  "\udfff",
  "\r\n",
  "\r",
  "\n",
  "\t",
  "\r\nBcc: evil@example.com",
  "😀",
  "漏洞",
] as const;

export const hostileUnit = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_PIECES) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary-ascii", minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.constantFrom("安", "全", "资", "讯", " ", "a", "1") },
);

export const hostileText = (maxLength = 40) => fc.string({ unit: hostileUnit, maxLength });

/**
 * The same without what the text rules (lib/validation.ts) refuse outright: C0 controls other than
 * tab, LF and CR, and lone surrogates. Text that should be stored.
 */
export const storableHostileText = (maxLength = 40) =>
  hostileText(maxLength).map((s) =>
    s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "").toWellFormed(),
  );
