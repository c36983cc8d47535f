/**
 * Every limit on an article body, in one place (docs/security.md lists them). A real article is far
 * below each; together they bound the work a save can cause: measuring, parsing, rendering and
 * storing a body are all linear in its size, with no attribute that multiplies output.
 */

/** Stored JSON, in UTF-8 bytes. Keeps a save under the 1 MB server-action body limit. */
export const MAX_BODY_BYTES = 500_000;
/** Node nesting (doc → blockquote → list → item → …). Real documents stay under ~10 levels. */
export const MAX_DEPTH = 48;
/** JSON nesting of any value: a node level is an object and its content array, plus marks and attrs. */
export const MAX_JSON_DEPTH = 2 * MAX_DEPTH + 8;
/** Nodes and marks together. A 100,000-character article has a few thousand. */
export const MAX_NODES = 20_000;
/**
 * Characters (UTF-16 code units) of text in text nodes: a long translated report is 20,000–50,000.
 * Also bounds render time: the sanitiser spends ~5 µs per escaped character (text full of "<").
 */
export const MAX_TEXT_LENGTH = 100_000;

/** Tables: rows, effective columns (colspans and rowspans counted) and rows × columns. */
export const MAX_TABLE_ROWS = 1_000;
export const MAX_TABLE_COLUMNS = 50;
export const MAX_TABLE_CELLS = 10_000;
/** A column width set by the editor's resize handle, in CSS pixels. */
export const MAX_COLUMN_WIDTH = 5_000;

/** Same as the upload limit (lib/services/media/upload-image.ts MAX_DIMENSION). */
export const MAX_IMAGE_DIMENSION = 8_000;
export const MAX_ORDERED_LIST_START = 100_000;
export const MAX_IMAGE_TEXT = 500; // alt text and caption, characters
export const MAX_URL_LENGTH = 2_048;

/** Rendering: output HTML in bytes, and wall time. The input limits keep real renders far below. */
export const MAX_HTML_BYTES = 4_000_000;
export const RENDER_TIME_BUDGET_MS = 3_000;
/**
 * Code is highlighted up to this many characters per article (highlight.js: ~17 ms per 1,000);
 * further code blocks are shown as plain, escaped text. A harmless, documented clamp.
 */
export const MAX_HIGHLIGHT_CHARS = 20_000;
