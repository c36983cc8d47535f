import { csvRows, UTF8_BOM } from "@/lib/escape/csv";
import { IOC_TYPE_LABELS } from "../types";
import type { IocExportInput } from "./input";

const CSV_HEADER = ["type", "type_label", "value", "context", "malicious", "article_url"];

/**
 * The indicators as CSV (UTF-8 with BOM, CRLF): one row each, the real (refanged) value, since a
 * CSV is for tools, not readers. Every cell goes through the formula-injection guard
 * (lib/escape/csv.ts): a value or context starting with = + - @ gets a leading apostrophe.
 */
export function iocCsv({ article, items }: IocExportInput): string {
  const rows = items.map((i) => [
    i.type,
    IOC_TYPE_LABELS[i.type],
    i.value,
    i.context,
    i.malicious ? "true" : "false",
    article.url,
  ]);
  return UTF8_BOM + csvRows([CSV_HEADER, ...rows]);
}
