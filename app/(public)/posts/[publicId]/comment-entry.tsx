"use client";

import { useState } from "react";
import { inputClass } from "@/components/ui/input";
import { deleteOwnCommentAction, editOwnCommentAction } from "./actions";
import { CommentItem } from "./comment-list";
import type { ShownComment } from "./merge-own-comments";

const linkButton = "text-xs text-ink-600 hover:text-brand-600 disabled:opacity-60";
const smallButton = "rounded px-3 py-1 text-xs";

export type EntryHandlers = {
  /** null when the reader may not reply (signed out, comments closed) */
  onReply: ((c: ShownComment, threadId: string) => void) | null;
  onReport: ((c: ShownComment) => void) | null;
  /** reload the reader's own comments after an edit or a delete */
  onChanged: () => Promise<void>;
  /** the clock, ticking in the board: 编辑 / 删除 go away when the window closes */
  now: number;
};

/**
 * One comment with what this reader may do to it: 回复 on visible comments, 编辑 / 删除 on their
 * own while the edit window is open (inline edit, a confirm step before deleting), 举报 on others'
 * approved ones. The services decide; the buttons only follow what they would allow.
 */
type EntryProps = { c: ShownComment; threadId: string; isReply?: boolean; h: EntryHandlers };

export function CommentEntry({ c, threadId, isReply = false, h }: EntryProps) {
  const [mode, setMode] = useState<"view" | "edit" | "delete">("view");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const own = c.own;
  const approved = !c.deleted && (!own || own.status === "APPROVED");
  const canChange = !!own && !!own.editableUntil && own.editableUntil.getTime() > h.now;

  const run = async (call: () => Promise<{ ok: boolean; error?: { message: string } }>) => {
    setBusy(true);
    setError(null);
    const r = await call().catch(() => ({ ok: false, error: { message: "网络连接失败，请稍后重试。" } }));
    if (r.ok) {
      await h.onChanged();
      setMode("view");
    } else setError(r.error?.message ?? "操作失败，请稍后重试。");
    setBusy(false);
  };

  const save = (form: HTMLFormElement) => {
    const body = String(new FormData(form).get("body") ?? "");
    void run(() => editOwnCommentAction({ id: c.id, body }));
  };

  const badge =
    own?.status === "PENDING" ? (
      <span className="rounded bg-amber-50 px-1.5 text-xs text-amber-800" data-testid="comment-pending">
        待审核{own.heldLabel ? `（${own.heldLabel}）` : ""}
      </span>
    ) : undefined;

  const editor =
    mode === "edit" ? (
      <form
        className="mt-2"
        onSubmit={(e) => {
          e.preventDefault();
          save(e.currentTarget);
        }}
      >
        <label htmlFor={`edit-${c.id}`} className="sr-only">
          编辑评论
        </label>
        <textarea
          id={`edit-${c.id}`}
          name="body"
          rows={3}
          maxLength={2000}
          required
          defaultValue={c.body}
          className={`${inputClass()} leading-7`}
        />
        <div className="mt-2 flex gap-2">
          <button type="submit" disabled={busy} className={`${smallButton} bg-brand-600 text-white`}>
            {busy ? "保存中…" : "保存"}
          </button>
          <button type="button" onClick={() => setMode("view")} className={`${smallButton} border`}>
            取消
          </button>
        </div>
      </form>
    ) : undefined;

  const offers = (approved && (h.onReply || (!own && h.onReport))) || canChange || mode !== "view" || error;
  const actions =
    c.deleted || !offers ? null : (
      <div className="mt-1 flex flex-wrap items-center gap-3">
        {mode === "delete" ? (
          <p className="flex flex-wrap items-center gap-2 text-xs text-ink-700">
            确定删除这条评论吗？删除后无法恢复。
            <button
              type="button"
              disabled={busy}
              onClick={() => void run(() => deleteOwnCommentAction({ id: c.id }))}
              className={`${smallButton} bg-red-600 text-white`}
            >
              确定删除
            </button>
            <button type="button" onClick={() => setMode("view")} className={`${smallButton} border`}>
              取消
            </button>
          </p>
        ) : (
          <>
            {approved && h.onReply && (
              <button type="button" className={linkButton} onClick={() => h.onReply!(c, threadId)}>
                回复
              </button>
            )}
            {canChange && mode === "view" && (
              <>
                <button type="button" className={linkButton} onClick={() => setMode("edit")}>
                  编辑
                </button>
                <button type="button" className={linkButton} onClick={() => setMode("delete")}>
                  删除
                </button>
              </>
            )}
            {!own && approved && h.onReport && (
              <button type="button" className={linkButton} onClick={() => h.onReport!(c)}>
                举报
              </button>
            )}
          </>
        )}
        {error && (
          <p role="alert" className="w-full text-xs text-red-700">
            {error}
          </p>
        )}
      </div>
    );

  return <CommentItem c={c} isReply={isReply} badge={badge} editor={editor} actions={actions} />;
}
