import { stringify } from "csv-stringify/sync";

/**
 * CSV for spreadsheets. csv-stringify does the quoting (commas, quotes, line breaks); this file
 * adds the guard against formula injection (OWASP "CSV Injection"): a cell that starts with
 * = + - @, a tab or a carriage return would be run as a formula by Excel or LibreOffice, so it gets
 * a leading apostrophe and is shown as text. Line feeds are guarded too: some importers start a
 * new row there before quoting is considered.
 */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/** One cell as text that a spreadsheet shows and never evaluates. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Rows as CSV text (CRLF line ends, as RFC 4180 and Excel expect), every cell guarded. */
export function csvRows(rows: (string | number | null | undefined)[][]): string {
  return stringify(
    rows.map((r) => r.map(csvCell)),
    { record_delimiter: "windows" },
  );
}

/** The byte order mark that makes Excel read a CSV file as UTF-8 (zh-CN text otherwise garbles). */
export const UTF8_BOM = "\uFEFF";
