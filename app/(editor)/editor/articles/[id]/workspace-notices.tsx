"use client";

import { primaryButton, secondaryButton } from "@/components/ui/button";
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

/** The banners above the editor: conflict, a local backup to restore, a failed save, read-only. */
export function WorkspaceNotices(props: {
  state: SaveState;
  backup: DraftBackup | null;
  serverVersion: number;
  readOnlyReason: string | null;
  onRestoreBackup: () => void;
  onDiscardBackup: () => void;
}) {
  const { state, backup, serverVersion, readOnlyReason } = props;
  return (
    <>
      {state.kind === "conflict" && (
        <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900">
          <p className="font-medium">{state.message}</p>
          <p className="mt-1">
            自动保存已暂停。你的内容已备份在本机浏览器中；重新加载后可以选择恢复这份备份。
          </p>
          <button type="button" className={`${primaryButton} mt-3`} onClick={() => window.location.reload()}>
            重新加载最新版本
          </button>
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
