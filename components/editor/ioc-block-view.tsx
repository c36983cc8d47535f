"use client";

import { NodeViewWrapper, ReactNodeViewRenderer, type NodeViewProps } from "@tiptap/react";
import { useId } from "react";
import { IocBlock } from "@/lib/content/ioc-block";
import { MAX_IOC_ITEMS, type IocItem } from "@/lib/ioc/types";
import { IocPaste } from "./ioc-paste";
import { IocRow } from "./ioc-row";

/**
 * The editor's IOC block: rows edited in place, a list pasted and classified, the block deleted.
 * The rows are the node's `items` attribute as typed (an invalid value stays, marked, until the
 * author fixes it; saving names the row). Inputs inside a node view keep their own keys: tiptap
 * stops ProseMirror from handling events whose target is an input, select or textarea.
 */
function IocBlockView({ node, updateAttributes, deleteNode, editor }: NodeViewProps) {
  const id = useId();
  const items = (Array.isArray(node.attrs.items) ? node.attrs.items : []) as IocItem[];
  const editable = editor.isEditable;
  const set = (next: IocItem[]) => updateAttributes({ items: next });
  return (
    <NodeViewWrapper
      as="section"
      aria-label="IOC 指标"
      className="my-4 rounded-md border border-amber-300 bg-amber-50/40 p-3"
      contentEditable={false}
    >
      <div className="mb-2 flex items-center justify-between">
        <h3 className="m-0 text-sm font-semibold text-ink-900">IOC 指标（{items.length} 条）</h3>
        {editable && (
          <button
            type="button"
            onClick={() => deleteNode()}
            className="rounded px-2 py-1 text-sm text-red-700 hover:bg-red-50"
          >
            删除区块
          </button>
        )}
      </div>
      {items.length > 0 && (
        <table className="not-prose w-full text-sm">
          <thead>
            <tr>
              <th scope="col">
                <span className="sr-only">行号</span>
              </th>
              <th scope="col">类型</th>
              <th scope="col">指标</th>
              <th scope="col">说明</th>
              <th scope="col">性质</th>
              <th scope="col">
                <span className="sr-only">操作</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item, i) => (
              <IocRow
                key={i}
                n={i + 1}
                item={item}
                idPrefix={`${id}-${i}`}
                editable={editable}
                onChange={(next) => set(items.map((x, j) => (j === i ? next : x)))}
                onDelete={() => set(items.filter((_, j) => j !== i))}
              />
            ))}
          </tbody>
        </table>
      )}
      {editable && (
        <>
          <button
            type="button"
            disabled={items.length >= MAX_IOC_ITEMS}
            onClick={() => set([...items, { type: "domain", value: "", context: "", malicious: true }])}
            className="mt-2 rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50 disabled:opacity-40"
          >
            添加一行
          </button>
          <IocPaste existing={items} onAdd={(added) => set([...items, ...added])} />
        </>
      )}
    </NodeViewWrapper>
  );
}

/** The shared node (lib/content/ioc-block.ts) with its editing view: what the editor registers instead. */
export const IocBlockEditor = IocBlock.extend({
  addNodeView() {
    return ReactNodeViewRenderer(IocBlockView);
  },
});
