/**
 * JSON inside <script type="application/ld+json"> (or any inline script). The HTML parser ends
 * a script element at "</script" and treats "<!--" specially whatever the JSON means, so every
 * "<" becomes \u003c; ">" and "&" follow for good measure (also XHTML), and U+2028/U+2029 are
 * escaped because they end a line in JavaScript. Each is a valid JSON string escape, so
 * JSON.parse returns exactly the value given. Lone surrogates are already escaped by
 * JSON.stringify (\udXXX).
 */
const ESCAPES: Record<string, string> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

export function jsonForScript(value: unknown): string {
  const json = JSON.stringify(value);
  // undefined, a function or a symbol: there is no JSON for it, and "undefined" is not JSON
  if (json === undefined) throw new TypeError("jsonForScript: value has no JSON representation");
  return json.replace(/[<>&\u2028\u2029]/g, (c) => ESCAPES[c]!);
}
