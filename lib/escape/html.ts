/**
 * HTML built as strings outside React (code highlighting, search snippets, feed descriptions).
 * React escapes what it renders itself; these are for the places that concatenate HTML.
 */

const TEXT: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
const ATTRIBUTE: Record<string, string> = { ...TEXT, "'": "&#39;", "`": "&#96;" };

// The HTML parser turns NUL into U+FFFD or drops it depending on where it stands; a lone
// surrogate cannot be encoded as UTF-8 at all. Both become U+FFFD here, so the text a browser
// shows is the text this function saw.
const wellFormed = (s: string) => s.toWellFormed().replaceAll("\0", "\ufffd");

/**
 * Text content of an element (not <script>, <style>, <textarea> or <title>'s raw-text rules:
 * escaped text is also safe there, except inside <script>, where only jsonForScript is).
 * `"` is escaped too, so the result is also safe in a double-quoted attribute.
 */
export function escapeHtmlText(s: string): string {
  return wellFormed(s).replace(/[&<>"]/g, (c) => TEXT[c]!);
}

/** A quoted attribute value, whichever quote the template uses. Not for URLs: those need a scheme check. */
export function escapeHtmlAttribute(s: string): string {
  return wellFormed(s).replace(/[&<>"'`]/g, (c) => ATTRIBUTE[c]!);
}
