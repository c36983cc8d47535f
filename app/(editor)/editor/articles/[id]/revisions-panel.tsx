"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { secondaryButton } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format/beijing-time";
import type { RevisionItem } from "@/lib/services/articles/list-revisions";
import { listRevisionsAction, restoreRevisionAction } from "../actions";

type Props = { articleId: string; canRestore: boolean; save: () => Promise<boolean>; version: () => number };

/**
 * 历史版本: one snapshot per save. Restoring saves pending edits first (so they become a version
 * too), then makes the chosen snapshot the newest version: nothing is ever lost by a restore.
 */
export function RevisionsPanel({ articleId, canRestore, save, version }: Props) {
  const router = useRouter();
  const [items, setItems] = useState<RevisionItem[] | null>(null);
  const [message, setMessage] = useState("");
  const [confirming, setConfirming] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const load = () =>
    start(async () => {
      const r = await listRevisionsAction(articleId);
      if (r.ok) setItems(r.data);
      else setMessage(r.error.message);
    });

  const restore = (rev: RevisionItem) =>
    start(async () => {
      setMessage("");
      if (!(await save())) return setMessage("当前修改尚未保存，请先解决保存问题。");
      const r = await restoreRevisionAction({ articleId, revisionId: rev.id, version: version() });
      if (!r.ok) return setMessage(r.error.message);
      setConfirming(null);
      router.refresh();
    });

  return (
    <details
      className="rounded-lg bg-white"
      onToggle={(e) => (e.currentTarget.open && !items ? load() : undefined)}
    >
      <summary className="cursor-pointer select-none px-4 py-3 text-sm font-semibold text-ink-900">
        历史版本
      </summary>
      <div className="px-4 pb-4 text-sm">
        {pending && !items && <p role="status">加载中…</p>}
        {message && (
          <p role="alert" className="mb-2 text-red-700">
            {message}
          </p>
        )}
        {items && items.length === 0 && <p className="text-ink-600">还没有历史版本。</p>}
        {items && items.length > 0 && (
          <ol className="divide-y divide-slate-100" aria-label="历史版本列表">
            {items.map((r) => (
              <li key={r.id} className="py-2">
                <p className="font-medium">
                  第 {r.version} 版
                  {r.version === version() && <span className="ml-1 text-xs text-green-700">（当前）</span>}
                </p>
                <p className="truncate text-ink-600">{r.title}</p>
                <p className="text-xs text-ink-600">
                  {r.editorName} ·{" "}
                  <time dateTime={r.createdAt.toISOString()}>{formatDateTime(r.createdAt)}</time>
                </p>
                {canRestore &&
                  r.version !== version() &&
                  (confirming === r.id ? (
                    <div className="mt-1 flex gap-2">
                      <button
                        type="button"
                        disabled={pending}
                        className={secondaryButton}
                        onClick={() => restore(r)}
                      >
                        确认恢复第 {r.version} 版
                      </button>
                      <button
                        type="button"
                        className="text-sm text-ink-600 underline"
                        onClick={() => setConfirming(null)}
                      >
                        取消
                      </button>
                    </div>
                  ) : (
                    <button
                      type="button"
                      className="mt-1 text-sm text-brand-700 underline"
                      onClick={() => setConfirming(r.id)}
                    >
                      恢复此版本<span className="sr-only">（第 {r.version} 版）</span>
                    </button>
                  ))}
              </li>
            ))}
          </ol>
        )}
        {items && (
          <button type="button" className="mt-2 text-xs text-brand-700 underline" onClick={load}>
            刷新列表
          </button>
        )}
      </div>
    </details>
  );
}
