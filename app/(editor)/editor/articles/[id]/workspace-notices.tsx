"use client";

import { primaryButton, secondaryButton } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format/beijing-time";
import type { PendingEditInfo } from "@/lib/services/articles/pending/get-pending-edit";
import { CorrectionFields, type CorrectionDraft } from "./correction-fields";
import type { DraftBackup } from "./draft-backup";
import type { SaveState } from "./use-article-save";

const hhmm = (t: number) =>
  new Date(t).toLocaleString("zh-CN", {
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });

type PendingProps = {
  /** the article is live and has edits readers do not see yet (the editor shows them) */
  info: PendingEditInfo | null;
  /** this user may publish (更新) */
  canApply: boolean;
  busy: boolean;
  message: string;
  onApply: () => void;
  onDiscard: () => void;
  /** what 更新 files with the change: a minor edit, or a public correction note */
  correction: CorrectionDraft;
  onCorrectionChange: (c: CorrectionDraft) => void;
};

/** The banners above the editor: pending edits of a live article, conflict, a local backup, a failed save, read-only. */
export function WorkspaceNotices(props: {
  state: SaveState;
  backup: DraftBackup | null;
  serverVersion: number;
  readOnlyReason: string | null;
  /** set when the article is live: whether the editor shows edits readers do not see */
  pending: PendingProps | null;
  onRestoreBackup: () => void;
  onDiscardBackup: () => void;
  onOpenConflict: () => void;
}) {
  const { state, backup, serverVersion, readOnlyReason, pending } = props;
  return (
    <>
      {pending?.info && (
        <div
          role="region"
          aria-label="未发布的修改"
          data-testid="pending-edit"
          className="rounded-lg border border-violet-300 bg-violet-50 p-4 text-sm text-violet-950"
        >
          <p className="font-medium">有未发布的修改：读者看到的是已发布版本。</p>
          <p className="mt-1">
            编辑器里是 {pending.info.editorName} 于 {formatDateTime(pending.info.updatedAt)} 保存的修改；
            {pending.canApply ? "按「更新」后读者才会看到。" : "有发布权限的编辑按「更新」后读者才会看到。"}
          </p>
          {pending.canApply && (
            <div className="mt-3 rounded border border-violet-200 bg-white p-3 text-ink-900">
              <CorrectionFields
                id="corr-apply"
                value={pending.correction}
                onChange={pending.onCorrectionChange}
                disabled={pending.busy}
                allowMinor
                wide
              />
            </div>
          )}
          {pending.message && (
            <p role="alert" className="mt-1 text-red-700">
              {pending.message}
            </p>
          )}
          <div className="mt-3 flex gap-2">
            {pending.canApply && (
              <button
                type="button"
                className={primaryButton}
                disabled={pending.busy}
                onClick={pending.onApply}
              >
                更新
              </button>
            )}
            <button
              type="button"
              className={secondaryButton}
              disabled={pending.busy}
              onClick={pending.onDiscard}
            >
              放弃修改
            </button>
          </div>
        </div>
      )}
      {pending && !pending.info && (
        <p className="rounded-lg border border-slate-200 bg-white p-3 text-sm text-ink-600">
          这篇文章已发布：你的修改会先保存为「未发布的修改」，读者看到的内容不变，按「更新」后才上线。
        </p>
      )}
      {state.kind === "conflict" && (
        <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900">
          <p className="font-medium">{state.message}</p>
          <p className="mt-1">自动保存已暂停。你的内容仍在编辑器里，也已备份在本机。</p>
          <button type="button" className={`${primaryButton} mt-3`} onClick={props.onOpenConflict}>
            解决冲突
          </button>
        </div>
      )}
      {state.kind === "offline" && (
        <div
          role="alert"
          className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900"
        >
          <p className="font-medium">离线：修改已存本机，恢复网络后会自动保存。</p>
          <p className="mt-1">请不要清除浏览器数据；关闭页面前恢复网络最稳妥。</p>
        </div>
      )}
      {state.kind === "retrying" && (
        <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900">
          <p className="font-medium">保存失败：{state.error.message}</p>
          <p className="mt-1">修改已备份在本机，会自动重试。</p>
        </div>
      )}
      {state.kind === "error" && (
        <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900">
          <p className="font-medium">保存失败：{state.error.message}</p>
          {state.error.fieldErrors && (
            <ul className="mt-1 list-disc pl-5">
              {Object.entries(state.error.fieldErrors).map(([k, msgs]) => (
                <li key={k}>{msgs.join(" ")}</li>
              ))}
            </ul>
          )}
          <p className="mt-1">修改已备份在本机，改正后会自动重新保存。</p>
        </div>
      )}
      {backup && (
        <div
          role="region"
          aria-label="本机备份"
          className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900"
        >
          <p>
            发现本机保存的未同步内容（{hhmm(backup.at)}）。
            {backup.baseVersion < serverVersion &&
              `这份备份基于较早的第 ${backup.baseVersion} 版：恢复时只会带回你改过的内容${backup.changed.includes("body") ? "（包括正文，会替换他人此后对正文的修改）" : ""}。`}
          </p>
          <div className="mt-3 flex gap-2">
            <button type="button" className={primaryButton} onClick={props.onRestoreBackup}>
              恢复本机内容
            </button>
            <button type="button" className={secondaryButton} onClick={props.onDiscardBackup}>
              丢弃备份
            </button>
          </div>
        </div>
      )}
      {readOnlyReason && (
        <p className="rounded-lg border border-slate-200 bg-white p-3 text-sm text-ink-600">
          {readOnlyReason}
        </p>
      )}
    </>
  );
}
