import { iocItemsProblem } from "@/lib/ioc/block";
import { codePointLength, isSafeText, UNSAFE_TEXT_MESSAGE } from "@/lib/validation";
import { IMAGE_URL_MESSAGE, isOwnImageUrl, isOwnSrcset } from "./image-url";
import * as L from "./limits";

/**
 * A rule for every attribute of every node and mark in the article schema (attr-rules.test.ts walks
 * the real ProseMirror schema and fails on an attribute without one). Attributes are free-form JSON
 * in a saved document, and a renderer or the editor may loop over a number (colspan once meant one
 * <col> per spanned column): an out-of-range value is refused with a message, never clamped.
 */
export type AttrRule =
  | { kind: "int"; min: number; max: number; nullable?: boolean; message: string }
  | { kind: "intList"; min: number; max: number; maxLength: number; message: string }
  | { kind: "enum"; values: readonly (string | null)[]; message: string }
  | { kind: "bool"; message: string }
  | { kind: "text"; max: number; nullable?: boolean; allowed?: (s: string) => boolean; message: string }
  // a structured value with its own validator (the rows of an IOC block), which words its own message
  | { kind: "rows"; problem: (v: unknown) => string | null };

const span = (max: number, what: string): AttrRule => ({
  kind: "int",
  min: 1,
  max,
  message: `表格单元格最多合并 ${max} ${what}，请拆分表格。`,
});
const cellRules: Record<string, AttrRule> = {
  colspan: span(L.MAX_TABLE_COLUMNS, "列"),
  rowspan: span(L.MAX_TABLE_ROWS, "行"),
  // null, or one width per spanned column (0 = not set); checked against colspan below
  colwidth: {
    kind: "intList",
    min: 0,
    max: L.MAX_COLUMN_WIDTH,
    maxLength: L.MAX_TABLE_COLUMNS,
    message: "表格列宽无效，请重新调整列宽。",
  },
  align: { kind: "enum", values: [null, "left", "center", "right"], message: "表格对齐方式无效。" },
};
const imageSize: AttrRule = {
  kind: "int",
  min: 1,
  max: L.MAX_IMAGE_DIMENSION,
  nullable: true,
  message: `图片宽高须为 1–${L.MAX_IMAGE_DIMENSION} 像素的整数。`,
};
const imageText = (what: string): AttrRule => ({
  kind: "text",
  max: L.MAX_IMAGE_TEXT,
  message: `图片的${what}最多 ${L.MAX_IMAGE_TEXT} 个字符。`,
});
// what the sanitiser keeps in an href: http(s), mailto, and links within the site
// ("/\\host" is excluded: browsers read it as the protocol-relative "//host")
const isLinkHref = (s: string) => /^(https?:\/\/[^\s/\\?#]+|mailto:\S+|\/(?![/\\])|#)/i.test(s);
const shortText = (max: number): AttrRule => ({
  kind: "text",
  max,
  nullable: true,
  message: `链接属性最多 ${max} 个字符。`,
});

export const NODE_ATTR_RULES: Record<string, Record<string, AttrRule>> = {
  heading: { level: { kind: "int", min: 2, max: 4, message: "标题级别只能是二至四级。" } },
  orderedList: {
    start: {
      kind: "int",
      min: 0,
      max: L.MAX_ORDERED_LIST_START,
      nullable: true,
      message: `有序列表的起始编号须为 0–${L.MAX_ORDERED_LIST_START} 的整数。`,
    },
    type: { kind: "enum", values: [null, "1", "a", "A", "i", "I"], message: "有序列表的编号样式无效。" },
  },
  codeBlock: {
    language: {
      kind: "text",
      max: 32,
      nullable: true,
      allowed: (s) => /^[\w+#.-]*$/.test(s),
      message: "代码块的语言名称无效。",
    },
  },
  tableCell: cellRules,
  tableHeader: cellRules,
  figure: {
    src: { kind: "text", max: L.MAX_URL_LENGTH, allowed: isOwnImageUrl, message: IMAGE_URL_MESSAGE },
    alt: imageText("替代文本"),
    caption: imageText("图注"),
    width: imageSize,
    height: imageSize,
    srcset: {
      kind: "text",
      max: L.MAX_URL_LENGTH,
      nullable: true,
      allowed: isOwnSrcset,
      message: "图片的响应式尺寸列表无效，请删除图片后重新插入。",
    },
    decorative: { kind: "bool", message: "图片的“装饰性”标记无效，请重新设置。" },
  },
  iocBlock: { items: { kind: "rows", problem: iocItemsProblem } },
};

export const MARK_ATTR_RULES: Record<string, Record<string, AttrRule>> = {
  link: {
    href: {
      kind: "text",
      max: L.MAX_URL_LENGTH,
      allowed: isLinkHref,
      message: "链接地址须以 http://、https:// 或 mailto: 开头，且不超过 2048 个字符。",
    },
    // kept in the JSON for the editor, dropped or fixed by the sanitiser: only their size matters
    target: shortText(32),
    rel: shortText(128),
    class: shortText(128),
    title: shortText(L.MAX_IMAGE_TEXT),
  },
};

function problem(rule: AttrRule, v: unknown, attrs: Record<string, unknown>): string | null {
  switch (rule.kind) {
    case "int":
      if (v === null && rule.nullable) return null;
      return Number.isSafeInteger(v) && (v as number) >= rule.min && (v as number) <= rule.max
        ? null
        : rule.message;
    case "intList": {
      if (v === null) return null;
      const colspan = Number.isSafeInteger(attrs.colspan) ? (attrs.colspan as number) : 1;
      if (!Array.isArray(v) || v.length > Math.min(rule.maxLength, colspan)) return rule.message;
      return v.every((n) => Number.isSafeInteger(n) && n >= rule.min && n <= rule.max) ? null : rule.message;
    }
    case "enum":
      return rule.values.includes(v as string | null) ? null : rule.message;
    case "bool":
      return typeof v === "boolean" ? null : rule.message;
    case "text":
      if (v === null && rule.nullable) return null;
      if (typeof v !== "string") return rule.message;
      if (!isSafeText(v)) return UNSAFE_TEXT_MESSAGE;
      if (v.length > rule.max && (v.length > 2 * rule.max || codePointLength(v) > rule.max))
        return rule.message;
      return !rule.allowed || rule.allowed(v) ? null : rule.message;
    case "rows":
      return rule.problem(v);
  }
}

/** The first broken rule among the attributes present, as a zh-CN message; null when all hold. */
export function attrProblem(type: string, attrs: unknown, isMark: boolean): string | null {
  const rules = (isMark ? MARK_ATTR_RULES : NODE_ATTR_RULES)[type];
  if (!rules || attrs === undefined || attrs === null) return null;
  if (typeof attrs !== "object" || attrs === null || Array.isArray(attrs))
    return "正文格式无效，请刷新编辑器后重试。";
  const a = attrs as Record<string, unknown>;
  for (const [name, rule] of Object.entries(rules)) {
    if (!Object.hasOwn(a, name) || a[name] === undefined) continue;
    const p = problem(rule, a[name], a);
    if (p) return p;
  }
  return null;
}
