import { isSafeText, UNSAFE_TEXT_MESSAGE } from "@/lib/validation";
import { attrProblem } from "./attr-rules";
import * as L from "./limits";

type DocStats = {
  bytes: number;
  depth: number;
  nodes: number;
  textLength: number;
  maxTableCells: number;
};
export type Measured = { ok: true; stats: DocStats } | { ok: false; error: string };

const INVALID_DOC_MESSAGE = "正文格式无效，请刷新编辑器后重试。";

/** Bytes of a string as JSON.stringify writes it: quotes, \" and \\, \u00XX for controls. */
function jsonStringBytes(s: string): number {
  if (s.length > L.MAX_BODY_BYTES) return s.length; // over the limit whatever the encoding
  let extra = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 92) extra += 1;
    else if (c < 32) extra += 5;
  }
  return Buffer.byteLength(s, "utf8") + extra;
}

const fail = (error: string): Measured => ({ ok: false, error });
const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/**
 * Size and nesting of any JSON value, by an explicit stack: no recursion, so a document nested
 * 100,000 levels deep is a refusal here, not a stack overflow in JSON.stringify or nodeFromJSON.
 * Stops as soon as a limit is passed (a cyclic object passes the byte limit and stops too).
 */
function measureJson(root: unknown): { bytes: number } | { error: string } {
  let bytes = 0;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (bytes > L.MAX_BODY_BYTES) break;
    // what JSON.stringify would write: quotes and escapes, separators (within a few bytes)
    if (typeof v === "string") bytes += jsonStringBytes(v) + 1;
    else if (typeof v === "number" || typeof v === "boolean" || v === null || v === undefined)
      bytes += String(v).length + 1;
    else if (Array.isArray(v) || isPlainObject(v)) {
      if (depth > L.MAX_JSON_DEPTH) return { error: "正文嵌套层级过深，请减少列表或引用的嵌套。" };
      // a separator per element at least: an enormous array is over the limit before it is walked
      bytes += 2 + (Array.isArray(v) ? v.length : 0);
      if (bytes > L.MAX_BODY_BYTES) break;
      const entries = Array.isArray(v)
        ? v
        : Object.entries(v).flatMap(([k, x]) => ((bytes += jsonStringBytes(k) + 1), [x]));
      for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i], depth + 1]);
    } else return { error: INVALID_DOC_MESSAGE }; // functions, bigints, Dates, class instances: not JSON
  }
  return bytes > L.MAX_BODY_BYTES
    ? { error: `正文过长（上限约 ${L.MAX_BODY_BYTES / 1000} KB），请精简内容或拆分为多篇文章。` }
    : { bytes };
}

const span = (v: unknown, max: number) =>
  Number.isSafeInteger(v) && (v as number) >= 1 && (v as number) <= max ? (v as number) : 1;
const TABLE_TOO_BIG = `表格过大：每个表格最多 ${L.MAX_TABLE_ROWS} 行、${L.MAX_TABLE_COLUMNS} 列、共 ${L.MAX_TABLE_CELLS} 个单元格，请拆分表格。`;

/** Rows × effective columns, counting a cell spanned down from a row above in each row it covers. */
function tableCells(table: Record<string, unknown>): number | null {
  const rows = Array.isArray(table.content) ? table.content : [];
  if (rows.length > L.MAX_TABLE_ROWS) return null;
  const ending = new Map<number, number>(); // row index → columns whose rowspan ends before it
  let carried = 0;
  let columns = 0;
  rows.forEach((row, r) => {
    carried -= ending.get(r) ?? 0;
    let width = carried;
    const cells = isPlainObject(row) && Array.isArray(row.content) ? row.content : [];
    for (const cell of cells) {
      const attrs = isPlainObject(cell) && isPlainObject(cell.attrs) ? cell.attrs : {};
      const cs = span(attrs.colspan, L.MAX_TABLE_COLUMNS);
      const rs = span(attrs.rowspan, L.MAX_TABLE_ROWS);
      width += cs;
      if (rs > 1) {
        carried += cs;
        ending.set(r + rs, (ending.get(r + rs) ?? 0) + cs);
      }
    }
    columns = Math.max(columns, width);
  });
  return columns > L.MAX_TABLE_COLUMNS || rows.length * columns > L.MAX_TABLE_CELLS
    ? null
    : rows.length * columns;
}

/**
 * Measures a tiptap document before anything recursive touches it (nodeFromJSON, the renderer,
 * JSON.stringify): bytes, nesting, node count, text length and table size, then every attribute
 * against its rule (attr-rules.ts) and every text against the safe-text rule. All by explicit
 * stacks. Returns the first problem as a zh-CN message.
 */
export function measureDoc(value: unknown): Measured {
  if (!isPlainObject(value) || value.type !== "doc") return fail(INVALID_DOC_MESSAGE);
  const json = measureJson(value);
  if ("error" in json) return fail(json.error);

  const stats: DocStats = { bytes: json.bytes, depth: 0, nodes: 0, textLength: 0, maxTableCells: 0 };
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!isPlainObject(node) || typeof node.type !== "string") return fail(INVALID_DOC_MESSAGE);
    if (depth > L.MAX_DEPTH) return fail("正文嵌套层级过深，请减少列表或引用的嵌套。");
    stats.depth = Math.max(stats.depth, depth);
    const marks = node.marks ?? [];
    if (!Array.isArray(marks)) return fail(INVALID_DOC_MESSAGE);
    stats.nodes += 1 + marks.length;
    if (stats.nodes > L.MAX_NODES)
      return fail(`正文结构过于复杂（超过 ${L.MAX_NODES} 个段落、文字片段和格式），请拆分为多篇文章。`);

    const own = attrProblem(node.type, node.attrs, false);
    if (own) return fail(own);
    for (const m of marks) {
      if (!isPlainObject(m) || typeof m.type !== "string") return fail(INVALID_DOC_MESSAGE);
      const p = attrProblem(m.type, m.attrs, true);
      if (p) return fail(p);
    }
    if (node.type === "text") {
      if (typeof node.text !== "string") return fail(INVALID_DOC_MESSAGE);
      if (!isSafeText(node.text)) return fail(UNSAFE_TEXT_MESSAGE);
      stats.textLength += node.text.length;
      if (stats.textLength > L.MAX_TEXT_LENGTH)
        return fail(`正文过长（上限 ${L.MAX_TEXT_LENGTH} 字），请精简内容或拆分为多篇文章。`);
    }
    if (node.type === "table") {
      const cells = tableCells(node);
      if (cells === null) return fail(TABLE_TOO_BIG);
      stats.maxTableCells = Math.max(stats.maxTableCells, cells);
    }
    const content = node.content ?? [];
    if (!Array.isArray(content)) return fail(INVALID_DOC_MESSAGE);
    for (let i = content.length - 1; i >= 0; i--) stack.push([content[i], depth + 1]);
  }
  return { ok: true, stats };
}
