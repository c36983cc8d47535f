"use client";

import { useEditorState, type Editor } from "@tiptap/react";
import { textStats } from "./text-stats";

/** 字符 · 字数 · 阅读时间 under the editor, live. Not a live region: it would speak on every keystroke. */
export function EditorStats({ editor }: { editor: Editor }) {
  const s = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const doc = e.state.doc;
      return textStats(doc.textBetween(0, doc.content.size, "\n", "\n"));
    },
    equalityFn: (a, b) =>
      b !== null && a.characters === b.characters && a.words === b.words && a.minutes === b.minutes,
  });
  return (
    <p
      data-testid="editor-stats"
      className="flex flex-wrap gap-x-3 border-t border-slate-200 px-4 py-1.5 text-xs text-ink-600"
    >
      <span>字符 {s.characters.toLocaleString("zh-CN")}</span>
      <span>字数 ≈ {s.words.toLocaleString("zh-CN")}</span>
      <span>阅读约 {s.minutes} 分钟</span>
    </p>
  );
}
