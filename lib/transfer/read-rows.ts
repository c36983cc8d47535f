import { jsonDepthExceeds } from "@/lib/content/json-depth.mjs";
import { sanitizeArticleHtml } from "@/lib/content/sanitize";
import { ARCHIVE_LIMITS, dataEntryName } from "./format";
import { entryChunks, type OpenedArchive } from "./entries";
import { describeIssue, refuse } from "./refusal";
import type { TableSpec } from "./tables";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Splits bytes into lines without ever holding more than one line (at most lineBytes) in memory. */
async function* lines(chunks: AsyncIterable<Buffer>, entry: string): AsyncGenerator<string> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const take = (tail: Buffer) => {
    const line = Buffer.concat([...pending, tail]);
    pending = [];
    pendingBytes = 0;
    try {
      return utf8.decode(line);
    } catch {
      return refuse(entry, "含有无效的 UTF-8 文本。");
    }
  };
  for await (const chunk of chunks) {
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      if (pendingBytes + nl - start > ARCHIVE_LIMITS.lineBytes) refuse(entry, "有一行超过单行大小上限。");
      yield take(chunk.subarray(start, nl));
      start = nl + 1;
    }
    const rest = chunk.subarray(start);
    pendingBytes += rest.length;
    if (pendingBytes > ARCHIVE_LIMITS.lineBytes) refuse(entry, "有一行超过单行大小上限。");
    if (rest.length) pending.push(rest);
  }
  if (pendingBytes) refuse(entry, "最后一行没有换行符结尾（文件可能被截断）。");
}

/**
 * A table entry's rows, each parsed against the table's strict schema (lib/transfer/rows.ts).
 * HTML columns must already be what the article sanitiser makes of them: an archive cannot
 * bring in markup the editor could not have saved. The first problem ends the read.
 */
export async function* readRows(
  archive: OpenedArchive,
  table: TableSpec,
  tap: (chunks: AsyncIterable<Buffer>) => AsyncIterable<Buffer> = (c) => c,
): AsyncGenerator<Record<string, unknown>> {
  const entry = dataEntryName(table.name);
  let n = 0;
  for await (const line of lines(tap(entryChunks(archive, entry)), entry)) {
    n += 1;
    const at = `第 ${n} 行：`;
    if (jsonDepthExceeds(line, ARCHIVE_LIMITS.jsonDepth)) refuse(entry, `${at}JSON 嵌套过深。`);
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      refuse(entry, `${at}不是有效的 JSON。`);
    }
    const parsed = table.schema.safeParse(value);
    if (!parsed.success) return refuse(entry, at + describeIssue(parsed.error, value));
    const row = parsed.data as Record<string, unknown>;
    for (const col of table.html ?? []) {
      const html = row[col] as string;
      if (sanitizeArticleHtml(html) !== html)
        refuse(entry, `${at}字段 ${col} 含有编辑器不会生成的 HTML（未通过净化）。`);
    }
    yield row;
  }
}
