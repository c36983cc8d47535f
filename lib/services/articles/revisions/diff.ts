import type { JSONContent } from "@tiptap/core";
import { diffArrays } from "diff";
import { readIocItems } from "@/lib/ioc/block";
import { IOC_TYPE_LABELS } from "@/lib/ioc/types";

/**
 * A readable difference between two versions of an article, pure (the editor's conflict dialog
 * runs it in the browser, the revisions panel on the server). The body is cut into blocks
 * (paragraph, heading, list item, quote, code, table row, figure…) that are aligned with
 * jsdiff's diffArrays; a removed block and an added block of the same kind at the same place are
 * shown as one changed block, with word-level changes inside. Words are Intl.Segmenter words, so
 * Chinese text changes per word (diffWords would treat a run of Chinese as one "word").
 */

export type TextPart = { op: "same" | "ins" | "del"; text: string };
type BlockChange = "same" | "added" | "removed" | "changed";
export type BlockDiff = {
  change: BlockChange;
  /** paragraph, heading, listItem, codeBlock, tableRow, figure, horizontalRule… */
  type: string;
  /** zh-CN name of the block, e.g. 段落, 二级标题, 列表项 */
  label: string;
  parts: TextPart[];
};
export type ArticleDiff = {
  title: TextPart[];
  lede: TextPart[];
  blocks: BlockDiff[];
  counts: { added: number; removed: number; changed: number };
  /** nothing differs (title, lede and body) */
  identical: boolean;
};
type DiffSide = { title: string; lede: string; body: JSONContent };

type Block = { type: string; label: string; text: string; key: string };

const LABELS: Record<string, string> = {
  paragraph: "段落",
  listItem: "列表项",
  codeBlock: "代码",
  tableRow: "表格行",
  figure: "图片",
  horizontalRule: "分隔线",
  image: "图片",
  iocBlock: "IOC 指标",
};
const QUOTE = "引用";

function labelOf(node: JSONContent, inQuote: boolean): string {
  let label =
    node.type === "heading"
      ? `${["", "一", "二", "三", "四", "五", "六"][Number(node.attrs?.level) || 0] ?? ""}级标题`
      : (LABELS[node.type ?? ""] ?? node.type ?? "内容");
  if (node.type === "listItem" && node.attrs?.ordered) label = "编号列表项";
  if (inQuote) label = `${QUOTE}·${label}`;
  return label;
}

/** The text of an inline run: text nodes, hard breaks as new lines; a link keeps its text. */
function inlineText(node: JSONContent): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return "\n";
  return (node.content ?? []).map(inlineText).join("");
}

const CONTAINERS = new Set(["doc", "bulletList", "orderedList", "blockquote", "table"]);

/** The blocks of a document in reading order (explicit stack: bodies may be deep). */
export function blocksOf(doc: JSONContent | null | undefined): Block[] {
  const out: Block[] = [];
  const push = (type: string, label: string, text: string) =>
    out.push({ type, label, text, key: `${type}|${label}|${text}` });
  type Item = { node: JSONContent; inQuote: boolean; ordered: boolean };
  const stack: Item[] = [{ node: doc ?? { type: "doc" }, inQuote: false, ordered: false }];
  while (stack.length) {
    const { node, inQuote, ordered } = stack.pop()!;
    const type = node.type ?? "unknown";
    const kids = node.content ?? [];
    if (CONTAINERS.has(type)) {
      const q = inQuote || type === "blockquote";
      const o = type === "orderedList" ? true : type === "bulletList" ? false : ordered;
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, inQuote: q, ordered: o });
      continue;
    }
    if (type === "listItem") {
      // the item's own paragraph(s) are its text; nested lists follow as their own items
      const own = kids.filter((k) => k.type !== "bulletList" && k.type !== "orderedList");
      const nested = kids.filter((k) => k.type === "bulletList" || k.type === "orderedList");
      const label = labelOf({ ...node, attrs: { ordered } }, inQuote);
      push(type, label, own.map(inlineText).join("\n"));
      for (let i = nested.length - 1; i >= 0; i--) stack.push({ node: nested[i]!, inQuote, ordered });
      continue;
    }
    if (type === "tableRow") {
      push(
        type,
        labelOf(node, inQuote),
        kids.map((c) => (c.content ?? []).map(inlineText).join(" ")).join(" | "),
      );
      continue;
    }
    if (type === "iocBlock") {
      // one block per indicator row, so an added, removed or re-labelled indicator shows as such
      for (const i of readIocItems(node.attrs?.items))
        push(
          type,
          labelOf(node, inQuote),
          [IOC_TYPE_LABELS[i.type], i.value, i.context, i.malicious ? "恶意" : "良性"]
            .filter(Boolean)
            .join(" · "),
        );
      continue;
    }
    if (type === "figure" || type === "image") {
      const a = node.attrs ?? {};
      const caption = String(a.caption ?? a.title ?? "");
      const alt = String(a.alt ?? "");
      push(
        type,
        labelOf(node, inQuote),
        [`[${alt || "图片"}]`, caption].filter(Boolean).join(" ") + ` <${String(a.src ?? "")}>`,
      );
      continue;
    }
    push(type, labelOf(node, inQuote), inlineText(node));
  }
  return out;
}

const segmenter =
  typeof Intl !== "undefined" && "Segmenter" in Intl
    ? new Intl.Segmenter("zh", { granularity: "word" })
    : null;

/** Word tokens: Intl.Segmenter words (Chinese per word, English per word, spaces and punctuation apart). */
export function tokenize(text: string): string[] {
  if (!segmenter) return text.match(/\s+|[A-Za-z0-9_]+|./gsu) ?? [];
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

function joinParts(parts: TextPart[]): TextPart[] {
  const out: TextPart[] = [];
  for (const p of parts) {
    if (!p.text) continue;
    const last = out[out.length - 1];
    if (last && last.op === p.op) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

/** Word-level difference of two texts, deletions before insertions at each change. */
export function diffText(before: string, after: string): TextPart[] {
  if (before === after) return before ? [{ op: "same", text: before }] : [];
  const parts: TextPart[] = [];
  for (const c of diffArrays(tokenize(before), tokenize(after))) {
    parts.push({ op: c.added ? "ins" : c.removed ? "del" : "same", text: c.value.join("") });
  }
  return joinParts(parts);
}

/** How alike two texts are: the share of their characters the word diff keeps (0…1). */
function similarity(a: string, b: string): number {
  if (!a && !b) return 1;
  let same = 0;
  for (const c of diffArrays(tokenize(a), tokenize(b)))
    if (!c.added && !c.removed) same += c.value.join("").length;
  return (2 * same) / (a.length + b.length);
}

const PAIR_THRESHOLD = 0.4;

/**
 * Aligns the blocks with diffArrays on their kind and text. Inside a run of removed blocks
 * followed by added ones, each removed block is paired (in order) with the first later added
 * block that is alike enough (≥ 40 % of its text kept): a changed block with word changes.
 * The rest are shown whole as removed or added, so no block of either side is left out.
 */
function diffBlocks(before: Block[], after: Block[]): BlockDiff[] {
  const out: BlockDiff[] = [];
  const whole = (b: Block, change: BlockChange): BlockDiff => ({
    change,
    type: b.type,
    label: b.label,
    parts: b.text
      ? [{ op: change === "added" ? "ins" : change === "removed" ? "del" : "same", text: b.text }]
      : [],
  });
  const changes = diffArrays(before, after, { comparator: (a, b) => a.key === b.key });
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i]!;
    if (!c.added && !c.removed) {
      for (const b of c.value) out.push(whole(b, "same"));
      continue;
    }
    const next = changes[i + 1];
    if (c.removed && next?.added) {
      const added = next.value;
      let k = 0;
      for (const r of c.value) {
        let j = k;
        while (j < added.length && similarity(r.text, added[j]!.text) < PAIR_THRESHOLD) j++;
        if (j === added.length) {
          out.push(whole(r, "removed"));
          continue;
        }
        for (; k < j; k++) out.push(whole(added[k]!, "added"));
        const a = added[j]!;
        const label = r.label === a.label ? a.label : `${a.label}（原为${r.label}）`;
        out.push({ change: "changed", type: a.type, label, parts: diffText(r.text, a.text) });
        k = j + 1;
      }
      for (; k < added.length; k++) out.push(whole(added[k]!, "added"));
      i++;
      continue;
    }
    for (const b of c.value) out.push(whole(b, c.added ? "added" : "removed"));
  }
  return out;
}

/** The difference from `before` to `after`: title, lede and body. */
export function diffArticles(before: DiffSide, after: DiffSide): ArticleDiff {
  const blocks = diffBlocks(blocksOf(before.body), blocksOf(after.body));
  const counts = { added: 0, removed: 0, changed: 0 };
  for (const b of blocks) if (b.change !== "same") counts[b.change]++;
  const title = diffText(before.title, after.title);
  const lede = diffText(before.lede, after.lede);
  const identical =
    before.title === after.title && before.lede === after.lede && blocks.every((b) => b.change === "same");
  return { title, lede, blocks, counts, identical };
}
