"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { primaryButton, secondaryButton } from "@/components/ui/button";
import { inputClass } from "@/components/ui/input";
import { REPORT_REASON_LABELS, REPORT_REASONS, type ReportReason } from "@/lib/comments/report-reasons";
import { reportCommentAction } from "./actions";
import type { ShownComment } from "./merge-own-comments";

type Props = { comment: ShownComment | null; onClose: () => void; onReported: () => void };

/**
 * 举报评论 in a native modal <dialog> (the pattern of components/editor/modal-dialog.tsx, not
 * imported: public pages carry no editor code): the browser traps focus, Esc closes, and focus
 * returns to the 举报 button. 其他 needs a few words of detail.
 */
export function CommentReportDialog({ comment, onClose, onReported }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (comment && !d.open) d.showModal();
    if (!comment && d.open) d.close();
  }, [comment]);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!comment || !reason) return setError("请选择举报原因。");
    const detail = String(new FormData(e.currentTarget).get("detail") ?? "").trim();
    if (reason === "other" && !detail) return setError("选择“其他”时，请写明举报原因。");
    setBusy(true);
    setError(null);
    const r = await reportCommentAction({ id: comment.id, reason, detail }).catch(() => null);
    setBusy(false);
    if (r?.ok) {
      setReason(null);
      onReported();
    } else setError(r ? r.error.message : "网络连接失败，请稍后重试。");
  };

  return (
    <dialog
      ref={ref}
      aria-label="举报评论"
      onClose={() => {
        setError(null);
        setReason(null);
        onClose();
      }}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      {comment && (
        <form onSubmit={submit} className="p-5" data-testid="report-dialog">
          <h2 className="mb-3 text-lg font-semibold text-ink-900">举报评论</h2>
          <fieldset>
            <legend className="mb-2 text-sm text-ink-700">举报原因</legend>
            <div className="grid grid-cols-2 gap-2">
              {REPORT_REASONS.map((r) => (
                <label key={r} className="flex items-center gap-2 text-sm text-ink-900">
                  <input
                    type="radio"
                    name="reason"
                    value={r}
                    checked={reason === r}
                    onChange={() => setReason(r)}
                  />
                  {REPORT_REASON_LABELS[r]}
                </label>
              ))}
            </div>
          </fieldset>
          <label htmlFor="report-detail" className="mt-3 block text-sm text-ink-700">
            补充说明{reason === "other" ? "（必填）" : "（选填）"}
          </label>
          <textarea
            id="report-detail"
            name="detail"
            rows={3}
            maxLength={500}
            required={reason === "other"}
            className={`${inputClass()} mt-1`}
          />
          {error && (
            <p role="alert" className="mt-2 text-sm text-red-700">
              {error}
            </p>
          )}
          <div className="mt-4 flex justify-end gap-2">
            <button type="button" className={secondaryButton} onClick={() => ref.current?.close()}>
              取消
            </button>
            <button type="submit" disabled={busy} className={primaryButton}>
              {busy ? "提交中…" : "提交举报"}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
