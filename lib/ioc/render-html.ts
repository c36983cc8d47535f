import { escapeHtmlText } from "@/lib/escape/html";
import { defangIoc } from "./defang";
import { type IocItem, IOC_TYPE_LABELS, isNetworkType } from "./types";

/** What a reader sees of a value: a malicious network value defanged, anything else as it is. */
export const shownIocValue = (item: IocItem) =>
  item.malicious && isNetworkType(item.type) ? defangIoc(item.type, item.value) : item.value;

/**
 * An IOC block as article HTML: a table (类型 / 指标 / 说明 / 性质) whose values are text in
 * <code>, never links, and a 复制 button per row carrying the real value in data-ioc-copy (the
 * article page's copy handler writes it to the clipboard). Everything is escaped here; the
 * sanitiser (lib/content/sanitize.ts) allows exactly this markup and no more. escapeHtmlText
 * (& < > ") is used for the attribute too: it is double-quoted, and it is what sanitize-html
 * writes itself, so the stored HTML stays a fixed point of the sanitiser.
 */
export function iocBlockHtml(items: readonly IocItem[]): string {
  if (items.length === 0) return "";
  const rows = items.map((item) => {
    const cells = [
      escapeHtmlText(IOC_TYPE_LABELS[item.type]),
      `<code>${escapeHtmlText(shownIocValue(item))}</code> <button type="button" data-ioc-copy="${escapeHtmlText(item.value)}">复制</button>`,
      escapeHtmlText(item.context),
      item.malicious ? "恶意" : "良性",
    ];
    return `<tr>${cells.map((c) => `<td>${c}</td>`).join("")}</tr>`;
  });
  const head = ["类型", "指标", "说明", "性质"].map((h) => `<th>${h}</th>`).join("");
  return `<div class="ioc-block"><table><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table></div>`;
}

/** The block as plain text (search, excerpts, feed descriptions): one row a line, values as shown. */
export function iocBlockText(items: readonly IocItem[]): string {
  return items
    .map((i) => [IOC_TYPE_LABELS[i.type], shownIocValue(i), i.context].filter(Boolean).join(" "))
    .join("\n");
}
