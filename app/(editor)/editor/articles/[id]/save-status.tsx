"use client";

import { useEffect, useState, type ReactNode } from "react";
import type { SaveState } from "./use-article-save";

const hhmm = (d: Date) =>
  d.toLocaleTimeString("zh-CN", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** Seconds until `at`, ticking once a second while there is a wait to show. */
function useSecondsUntil(at: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === null) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [at]);
  return at === null ? 0 : Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * What the save is doing, truthfully: 已保存 HH:mm · 保存中… · 未保存的修改 · 离线：已存本机，恢复网络后自动保存
 * · 保存失败：x 秒后重试 · 保存失败 (needs the writer) · 冲突. Announced politely to screen readers;
 * the colour is never the only signal (the words say it).
 */
export function SaveStatus({ state, attempts }: { state: SaveState; attempts: number }) {
  const retryAt = state.kind === "retrying" || state.kind === "offline" ? state.retryAt : null;
  const seconds = useSecondsUntil(retryAt);
  let text: ReactNode;
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
      text = "未保存的修改";
      break;
    case "offline":
      text = "离线：已存本机，恢复网络后自动保存";
      tone = "text-amber-800";
      break;
    case "retrying":
      // the countdown is not read out every second: screen readers hear "稍后重试" once
      text =
        seconds > 0 ? (
          <>
            保存失败：<span aria-hidden="true">{seconds} 秒后</span>
            <span className="sr-only">稍后</span>重试
          </>
        ) : (
          "保存失败：正在重试"
        );
      tone = "text-red-700";
      break;
    case "error":
      text = "保存失败";
      tone = "text-red-700";
      break;
    case "conflict":
      text = "冲突：他人已修改";
      tone = "text-red-700";
      break;
  }
  return (
    <span
      role="status"
      aria-live="polite"
      data-testid="save-status"
      data-state={state.kind}
      data-attempts={attempts}
      className={`text-sm ${tone}`}
    >
      {text}
    </span>
  );
}
