"use client";

import { useState } from "react";
import { primaryButton } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";

type Summary = { mode: string; inserted: Record<string, number>; mediaFiles: number };
type State =
  | { kind: "idle" }
  | { kind: "uploading"; percent: number }
  | { kind: "checking" }
  | { kind: "done"; summary: Summary }
  | { kind: "error"; message: string };

const TABLE_LABELS: Record<string, string> = {
  users: "用户",
  articles: "文章",
  categories: "分类",
  tags: "标签",
  pages: "页面",
  comments: "评论",
  media: "图片",
  site_settings: "站点设置",
  article_revisions: "文章修订",
};

/** XMLHttpRequest, not fetch: it reports upload progress. The archive goes as the raw body. */
function upload(file: File, merge: boolean, onProgress: (percent: number) => void, onSent: () => void) {
  return new Promise<{ status: number; body: unknown }>((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/admin/transfer/import?mode=${merge ? "merge&confirm=merge" : "empty"}`);
    xhr.setRequestHeader("Content-Type", "application/zip");
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.upload.onload = onSent;
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {}
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => resolve({ status: 0, body: null });
    xhr.send(file);
  });
}

export function ImportForm() {
  const [state, setState] = useState<State>({ kind: "idle" });
  const busy = state.kind === "uploading" || state.kind === "checking";

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const file = form.get("archive");
    if (!(file instanceof File) || file.size === 0)
      return setState({ kind: "error", message: "请选择要导入的站点归档（.zip）。" });
    setState({ kind: "uploading", percent: 0 });
    const { status, body } = await upload(
      file,
      form.get("merge") === "on",
      (percent) => setState({ kind: "uploading", percent }),
      () => setState({ kind: "checking" }),
    );
    if (status === 200) return setState({ kind: "done", summary: body as Summary });
    const message = (body as { error?: { message?: string } } | null)?.error?.message;
    setState({
      kind: "error",
      message: message ?? "导入失败：网络中断或服务器无响应，请重试。站点数据未改动。",
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" data-testid="import-form">
      <label className="block text-sm">
        <span className="mb-1 block font-medium">站点归档（.zip）</span>
        <input type="file" name="archive" accept=".zip,application/zip" required disabled={busy} />
      </label>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="merge" className="mt-1" disabled={busy} />
        <span>
          合并到已有内容：我已了解合并方式：已有的记录保持不变，只添加归档中缺少的记录（按编号判断；编号或网址冲突的记录会被跳过）。
        </span>
      </label>
      <button type="submit" className={primaryButton} disabled={busy}>
        {busy ? "导入中…" : "导入"}
      </button>
      <div aria-live="polite">
        {state.kind === "uploading" && (
          <div className="space-y-1 text-sm">
            <p>正在上传：{state.percent}%</p>
            <progress max={100} value={state.percent} className="w-full" aria-label="上传进度" />
          </div>
        )}
        {state.kind === "checking" && <p className="text-sm">上传完成，正在检查并导入归档…</p>}
      </div>
      {state.kind === "error" && <FormAlert tone="error">{state.message}</FormAlert>}
      {state.kind === "done" && (
        <FormAlert tone="success">
          导入完成。
          {Object.entries(state.summary.inserted)
            .filter(([name]) => name in TABLE_LABELS)
            .map(([name, n]) => `${TABLE_LABELS[name]} ${n}`)
            .join("、")}
          ，图片文件 {state.summary.mediaFiles} 个。
        </FormAlert>
      )}
    </form>
  );
}
