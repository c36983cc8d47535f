import { isSafeText } from "@/lib/validation";
import { type IocItem, isIocType, MAX_IOC_CONTEXT, MAX_IOC_ITEMS } from "./types";
import { checkIocValue } from "./validate";

const KEYS = ["context", "malicious", "type", "value"].join();
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function itemProblem(item: unknown): string | null {
  if (!isRecord(item) || Object.keys(item).sort().join() !== KEYS) return "格式无效，请删除该行后重新添加。";
  if (!isIocType(item.type)) return "类型无效，请重新选择。";
  if (typeof item.malicious !== "boolean") return "“恶意”标记无效，请重新勾选。";
  const { context } = item;
  if (typeof context !== "string" || !isSafeText(context))
    return "说明包含无法识别的字符（如空字符），请删除后重试。";
  if (context.length > MAX_IOC_CONTEXT) return `说明最多 ${MAX_IOC_CONTEXT} 个字符。`;
  const value = checkIocValue(item.type, item.value);
  return value.ok ? null : value.message;
}

/**
 * The rule for an IOC block's `items` attribute (lib/content/attr-rules.ts): a list of at most
 * MAX_IOC_ITEMS rows {type, value, context, malicious}, each value valid for its type. The
 * message names the row, counted from 1 as the editor shows them.
 */
export function iocItemsProblem(items: unknown): string | null {
  if (!Array.isArray(items)) return "IOC 区块格式无效，请删除该区块后重新插入。";
  if (items.length > MAX_IOC_ITEMS) return `每个 IOC 区块最多 ${MAX_IOC_ITEMS} 行，请拆分为多个区块。`;
  for (const [i, item] of items.entries()) {
    const p = itemProblem(item);
    if (p) return `IOC 区块第 ${i + 1} 行：${p}`;
  }
  return null;
}

/**
 * The rows of a block as renderers and exports use them: normalised values (the editor may
 * store "Evil.COM"), rows that do not validate left out. Saved documents have none of those
 * (iocItemsProblem refuses them); this is the second wall for anything read back.
 */
export function readIocItems(items: unknown): IocItem[] {
  if (!Array.isArray(items)) return [];
  return items.slice(0, MAX_IOC_ITEMS).flatMap((item): IocItem[] => {
    if (itemProblem(item) !== null) return [];
    const { type, value, context, malicious } = item as IocItem;
    const checked = checkIocValue(type, value);
    return checked.ok ? [{ type, value: checked.value, context, malicious }] : [];
  });
}
