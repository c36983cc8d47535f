"use client";

import type { SaveState } from "./use-article-save";

const hhmm = (d: Date) =>
  d.toLocaleTimeString("zh-CN", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** 保存中… / 已保存 HH:mm / 有未保存的修改 — announced politely to screen readers. */
export function SaveStatus({ state }: { state: SaveState }) {
  let text: string;
  let tone = "text-ink-600";
  switch (state.kind) {
    case "saving":
      text = "保存中…";
      break;
    case "saved":
      text = state.at ? `已保存 ${hhmm(state.at)}` : "已保存";
      tone = "text-green-700";
      break;
    case "dirty":
      text = "有未保存的修改";
      break;
    case "error":
      text = "保存失败";
      tone = "text-red-700";
      break;
    case "conflict":
      text = "保存冲突";
      tone = "text-red-700";
      break;
  }
  return (
    <span role="status" aria-live="polite" data-testid="save-status" className={`text-sm ${tone}`}>
      {text}
    </span>
  );
}
