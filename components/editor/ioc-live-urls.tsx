"use client";

import { useEditorState, type Editor } from "@tiptap/react";
import { findLiveIocUrls } from "@/lib/ioc/live-urls";
import { bodyBlocks, moveUrlsToIocBlock } from "./move-live-urls";

/**
 * The QA check for live malicious-looking URLs in the body (lib/ioc/live-urls.ts), under the
 * editor while editing: what it found and why, and one button that moves them into an IOC block.
 * A note rather than a live region: it would speak on every keystroke.
 */
export function IocLiveUrls({ editor }: { editor: Editor }) {
  const found = useEditorState({
    editor,
    selector: ({ editor: e }) => (e.isEditable ? findLiveIocUrls(bodyBlocks(e.state.doc)) : []),
    equalityFn: (a, b) =>
      b !== null &&
      a.length === b.length &&
      a.every((f, i) => f.url === b[i]!.url && f.reasons.join() === b[i]!.reasons.join()),
  });
  if (!found.length) return null;
  return (
    <div
      role="note"
      aria-label="IOC 质量检查"
      className="border-t border-amber-300 bg-amber-50 px-4 py-2 text-sm text-ink-900"
    >
      <p>
        质量检查：正文中有 {found.length} 个看起来是恶意指标的网址仍可点击。建议移入 IOC
        区块：读者看到去武装形式（hxxp、[.]），复制时得到原值。
      </p>
      <ul className="my-1 list-disc pl-5">
        {found.map((f) => (
          <li key={f.url}>
            <code className="break-all">{f.url}</code>（{f.reasons.join("、")}）
          </li>
        ))}
      </ul>
      <button
        type="button"
        onClick={() =>
          moveUrlsToIocBlock(
            editor,
            found.map((f) => f.url),
          )
        }
        className="rounded border border-amber-400 bg-white px-3 py-1 text-sm hover:bg-amber-100"
      >
        全部移入 IOC 区块
      </button>
    </div>
  );
}
