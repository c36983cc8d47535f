"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { secondaryButton } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format/beijing-time";
import type { RevisionItem } from "@/lib/services/articles/list-revisions";
import type { RevisionDiff } from "@/lib/services/articles/revisions/get-revision-diff";
import { listRevisionsAction, restoreRevisionAction } from "../actions";
import { DiffView } from "./diff-view";
import { revisionDiffAction } from "./saving-actions";

type Props = { articleId: string; canRestore: boolean; save: () => Promise<boolean>; version: () => number };

const KIND_LABEL: Record<RevisionItem["kind"], string> = {
  MANUAL: "手动保存",
  AUTOSAVE: "自动保存",
  STATUS: "状态变更",
  RESTORE: "恢复",
  PENDING_APPLIED: "更新上线",
};

/**
 * 历史版本: a snapshot per manual save, status change, restore and 更新, and one per five minutes
 * of autosave. Pick any two to compare (or one 与当前比较); 恢复此版本 saves pending edits first
 * (so they become a version too), then makes the chosen snapshot the newest version: nothing is
 * ever lost by a restore.
 */
export function RevisionsPanel({ articleId, canRestore, save, version }: Props) {
  const router = useRouter();
  const [items, setItems] = useState<RevisionItem[] | null>(null);
  const [message, setMessage] = useState("");
  const [confirming, setConfirming] = useState<string | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [diff, setDiff] = useState<RevisionDiff | null>(null);
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

  const compare = (from: string, to: string) =>
    start(async () => {
      setMessage("");
      // 与当前比较 compares with what is saved: save first so "current" is what the editor shows
      if (to === "current" && !(await save())) return setMessage("当前修改尚未保存，请先解决保存问题。");
      const r = await revisionDiffAction({ articleId, from, to });
      if (r.ok) setDiff(r.data);
      else setMessage(r.error.message);
    });

  const toggle = (id: string) =>
    setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p.slice(-1), id]));

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
        {items && items.length > 1 && (
          <div className="mb-2 flex items-center gap-2">
            <button
              type="button"
              className={secondaryButton}
              disabled={picked.length !== 2 || pending}
              onClick={() => compare(picked[0]!, picked[1]!)}
            >
              比较选中的两个版本
            </button>
            <span className="text-xs text-ink-600">已选 {picked.length}/2</span>
          </div>
        )}
        {diff && (
          <section aria-label="版本差异" className="mb-3 rounded border border-slate-200 p-2">
            <div className="mb-1 flex items-center justify-between">
              <h3 className="text-sm font-semibold">
                {diff.from.label} → {diff.to.label}
              </h3>
              <button
                type="button"
                className="text-xs text-brand-700 underline"
                onClick={() => setDiff(null)}
              >
                关闭差异
              </button>
            </div>
            <DiffView diff={diff.diff} beforeLabel={diff.from.label} afterLabel={diff.to.label} />
          </section>
        )}
        {items && items.length > 0 && (
          <ol className="divide-y divide-slate-100" aria-label="历史版本列表">
            {items.map((r) => (
              <li key={r.id} className="py-2" data-testid="revision-item" data-version={r.version}>
                <label className="flex items-start gap-2">
                  <input
                    type="checkbox"
                    className="mt-1"
                    checked={picked.includes(r.id)}
                    onChange={() => toggle(r.id)}
                    aria-label={`选择第 ${r.version} 版用于比较`}
                  />
                  <span className="min-w-0">
                    <span className="block font-medium">
                      第 {r.version} 版
                      <span className="ml-1 text-xs font-normal text-ink-600">{KIND_LABEL[r.kind]}</span>
                      {r.version === version() && (
                        <span className="ml-1 text-xs text-green-700">（当前）</span>
                      )}
                    </span>
                    <span className="block truncate text-ink-600">{r.title}</span>
                    <span className="block text-xs text-ink-600">
                      {r.editorName} ·{" "}
                      <time dateTime={r.createdAt.toISOString()}>{formatDateTime(r.createdAt)}</time>
                    </span>
                  </span>
                </label>
                <div className="mt-1 flex flex-wrap gap-x-3">
                  <button
                    type="button"
                    className="text-sm text-brand-700 underline"
                    disabled={pending}
                    onClick={() => compare(r.id, "current")}
                  >
                    与当前比较<span className="sr-only">（第 {r.version} 版）</span>
                  </button>
                  {canRestore &&
                    r.version !== version() &&
                    (confirming === r.id ? (
                      <span className="flex gap-2">
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
                      </span>
                    ) : (
                      <button
                        type="button"
                        className="text-sm text-brand-700 underline"
                        onClick={() => setConfirming(r.id)}
                      >
                        恢复此版本<span className="sr-only">（第 {r.version} 版）</span>
                      </button>
                    ))}
                </div>
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
