"use client";

import { useEffect, useState } from "react";
import { formatDateTime } from "@/lib/format/beijing-time";
import { ARTICLE_STATUS_LABELS } from "@/lib/labels";
import type { HistoryEntry } from "@/lib/services/articles/history/list-history";
import { listHistoryAction } from "./review-actions";

/** 流转记录: who moved the article, from which status to which, when and why (the submit note, the reviewer's reason). */
export function HistoryPanel({ articleId }: { articleId: string }) {
  const [items, setItems] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState("");
  useEffect(() => {
    let live = true;
    listHistoryAction(articleId).then((r) => {
      if (!live) return;
      if (r.ok) setItems(r.data);
      else setError(r.error.message);
    });
    return () => void (live = false);
  }, [articleId]);

  return (
    <details open className="rounded-lg bg-white" data-testid="history-panel">
      <summary className="cursor-pointer select-none px-4 py-3 text-sm font-semibold text-ink-900">
        流转记录
      </summary>
      <div className="px-4 pb-4 text-sm">
        {!items && !error && <p role="status">加载中…</p>}
        {error && (
          <p role="alert" className="text-red-700">
            {error}
          </p>
        )}
        {items && items.length === 0 && <p className="text-ink-600">还没有状态变更。</p>}
        {items && items.length > 0 && (
          <ol className="space-y-2" aria-label="流转记录列表">
            {items.map((h) => (
              <li key={h.id} className="border-l-2 border-slate-200 pl-3">
                <p>
                  <span className="font-medium">{h.actorName ?? "系统"}</span>{" "}
                  {h.from ? `${ARTICLE_STATUS_LABELS[h.from]} → ` : ""}
                  {ARTICLE_STATUS_LABELS[h.to]}
                </p>
                <p className="text-xs text-ink-600">
                  <time dateTime={new Date(h.at).toISOString()}>{formatDateTime(h.at)}</time>
                </p>
                {h.note && <p className="mt-1 whitespace-pre-wrap break-words text-ink-900">{h.note}</p>}
              </li>
            ))}
          </ol>
        )}
      </div>
    </details>
  );
}
