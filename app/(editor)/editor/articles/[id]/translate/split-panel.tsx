"use client";

import { useEffect, useRef } from "react";
import { secondaryButton } from "@/components/ui/button";

/** Where the source most likely splits to match the target's caret: the sentence end nearest that share of the text. */
function suggestOffset(source: string, ratio: number): number {
  const want = Math.round(source.length * ratio);
  let best = -1;
  for (const m of source.matchAll(/[.!?;:](?=\s)/g)) {
    const at = m.index + 1;
    if (at > 0 && at < source.length && (best < 0 || Math.abs(at - want) < Math.abs(best - want))) best = at;
  }
  return best > 0 ? best : Math.max(1, Math.min(source.length - 1, want));
}

type Props = {
  n: number;
  source: string;
  /** the target textarea's caret and length when the panel opened */
  target: () => { caret: number; length: number };
  onSplit: (sourceOffset: number, targetOffset: number) => Promise<void>;
  onCancel: () => void;
};

/**
 * 拆分: the target splits where its caret was; the source where the translator puts the caret in
 * this read-only copy (preset to the sentence end that matches best).
 */
export function SplitPanel({ n, source, target, onSplit, onCancel }: Props) {
  const box = useRef<HTMLTextAreaElement>(null);
  const caret = useRef(0);
  useEffect(() => {
    const t = target();
    caret.current = t.caret;
    const el = box.current;
    if (!el) return;
    const at = suggestOffset(source, t.length ? t.caret / t.length : 0.5);
    el.setSelectionRange(at, at);
    // the target's caret is read once, when the panel opens
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <div className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-2">
      <label className="block text-xs text-ink-600" htmlFor={`split-${n}`}>
        在原文中点击拆分位置（译文在光标处拆开）
      </label>
      <textarea
        id={`split-${n}`}
        ref={box}
        lang="en"
        readOnly
        value={source}
        aria-label={`第 ${n} 段原文拆分位置`}
        className="block w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm [field-sizing:content]"
      />
      <div className="flex gap-2">
        <button
          type="button"
          className={secondaryButton}
          onClick={() => void onSplit(box.current?.selectionStart ?? 0, caret.current)}
        >
          确认拆分
        </button>
        <button type="button" className="text-sm text-ink-600 underline" onClick={onCancel}>
          取消
        </button>
      </div>
    </div>
  );
}
