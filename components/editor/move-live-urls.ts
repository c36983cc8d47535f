import type { Node as PmNode } from "@tiptap/pm/model";
import type { EditorState, Transaction } from "@tiptap/pm/state";
import { defangIoc } from "@/lib/ioc/defang";
import { normalizeIocValue } from "@/lib/ioc/validate";
import type { BodyBlock } from "@/lib/ioc/live-urls";
import type { IocItem } from "@/lib/ioc/types";

/** The textblocks of the document outside IOC blocks, with their links' addresses (the QA check's input). */
export function bodyBlocks(doc: PmNode): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  doc.descendants((node) => {
    if (node.type.name === "iocBlock") return false;
    if (!node.isTextblock) return true;
    const hrefs: string[] = [];
    node.descendants((t) => {
      for (const m of t.marks) if (m.type.name === "link") hrefs.push(String(m.attrs.href ?? ""));
    });
    blocks.push({ text: node.textContent, hrefs });
    return false;
  });
  return blocks;
}

/** the editor as far as this needs it (a tiptap Editor, or a bare state and dispatch in tests) */
type EditorLike = { state: EditorState; view: { dispatch: (tr: Transaction) => void } };

/**
 * 移入 IOC 区块: the given URLs become malicious rows of the document's first IOC block (a new
 * block at the end when there is none); in the body each is written defanged and loses its
 * link, and a link to one of them (whatever its text) is removed. One transaction: one undo.
 */
export function moveUrlsToIocBlock(editor: EditorLike, urls: readonly string[]) {
  const values = new Map(
    urls.flatMap((u) => {
      const v = normalizeIocValue("url", u);
      return v ? [[u, v] as const] : [];
    }),
  );
  if (!values.size) return;
  const { state } = editor;
  const link = state.schema.marks.link;
  const tr = state.tr;
  const replacements: { from: number; to: number; text: string }[] = [];
  state.doc.descendants((node, pos) => {
    if (node.type.name === "iocBlock") return false;
    if (!node.isText) return true;
    const href = node.marks.find((m) => m.type === link)?.attrs.href;
    if (link && typeof href === "string" && values.has(href)) tr.removeMark(pos, pos + node.nodeSize, link);
    for (const [raw, value] of values)
      for (let at = node.text!.indexOf(raw); at >= 0; at = node.text!.indexOf(raw, at + raw.length))
        replacements.push({ from: pos + at, to: pos + at + raw.length, text: defangIoc("url", value) });
    return false;
  });
  // from the end, so the positions found above still hold
  for (const r of replacements.sort((a, b) => b.from - a.from)) {
    tr.insertText(r.text, r.from, r.to);
    if (link) tr.removeMark(r.from, r.from + r.text.length, link);
  }
  let blockPos = -1;
  tr.doc.descendants((node, pos) => {
    if (blockPos < 0 && node.type.name === "iocBlock") blockPos = pos;
    return blockPos < 0;
  });
  const existing = blockPos >= 0 ? ((tr.doc.nodeAt(blockPos)?.attrs.items ?? []) as IocItem[]) : [];
  const have = new Set(existing.map((i) => `${i.type}\u0000${i.value}`));
  const added: IocItem[] = [...new Set(values.values())]
    .filter((v) => !have.has(`url\u0000${v}`))
    .map((value) => ({ type: "url", value, context: "", malicious: true }));
  const items = [...existing, ...added];
  if (blockPos >= 0) tr.setNodeMarkup(blockPos, undefined, { items });
  else tr.insert(tr.doc.content.size, state.schema.nodes.iocBlock!.create({ items }));
  editor.view.dispatch(tr);
}
