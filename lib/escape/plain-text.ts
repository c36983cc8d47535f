/**
 * Plain text for places that show one line of it: <title>, <meta name="description">, Open Graph
 * and JSON-LD fields, RSS titles. React and the XML helpers escape it; this makes it one clean
 * line of bounded length first: no control characters (a description with a vertical tab or an
 * escape sequence is never intended), no lone surrogates, whitespace runs (including line and
 * paragraph separators) as one space, cut at a character boundary with an ellipsis.
 */

// C0 and C1 controls, DEL, and Unicode line/paragraph separators; tab, LF and CR are whitespace
// and collapse to a space below.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g;

export function plainLine(s: string, maxChars = Infinity): string {
  const line = s
    .toWellFormed()
    .replace(CONTROLS, "")
    .replace(/[\s\u2028\u2029]+/g, " ")
    .trim();
  const chars = Array.from(line);
  if (chars.length <= maxChars) return line;
  return (
    chars
      .slice(0, Math.max(0, maxChars - 1))
      .join("")
      .trimEnd() + "…"
  );
}
