"use client";

import type { JSONContent } from "@tiptap/core";
import { useEffect, useRef, useState } from "react";
import { primaryButton, secondaryButton } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format/beijing-time";
import type { ArticleWithPending } from "@/lib/services/articles/pending/get-pending-edit";
import { diffArticles } from "@/lib/services/articles/revisions/diff";
import { DiffView } from "./diff-view";
import { loadServerCopyAction } from "./saving-actions";

export type ConflictChoice = "MINE" | "THEIRS";
type Mine = { title: string; lede: string; body: JSONContent };

type Props = {
  open: boolean;
  articleId: string;
  /** what this editor changed since its last save (only those fields are "mine") */
  mine: () => Partial<Mine> | null;
  onClose: () => void;
  /** resolves on the server against their version; returns an error message, or null on success */
  onResolve: (choice: ConflictChoice, theirVersion: number) => Promise<string | null>;
};

/**
 * 保存冲突: someone saved since this editor loaded the article. Nothing is lost whichever is
 * chosen: 保留我的 saves my text on top of theirs (theirs stays in the history); 采用对方的 loads
 * theirs and records mine in the history first; 查看差异 shows both side by side. A native modal
 * <dialog> (as components/editor/modal-dialog.tsx, wider for the comparison): focus stays inside,
 * Esc closes it and autosave stays paused until a choice is made.
 */
export function ConflictDialog({ open, articleId, mine, onClose, onResolve }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [theirs, setTheirs] = useState<ArticleWithPending | null>(null);
  const [message, setMessage] = useState("");
  const [showDiff, setShowDiff] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    let live = true;
    // (re)read on every opening: they may have saved again meanwhile
    void loadServerCopyAction(articleId).then((r) => {
      if (!live) return;
      if (r.ok) {
        setTheirs(r.data);
        setMessage("");
      } else setMessage(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [open, articleId]);

  const choose = async (choice: ConflictChoice) => {
    if (!theirs) return;
    setBusy(true);
    setMessage("");
    const err = await onResolve(choice, theirs.version);
    setBusy(false);
    if (err) setMessage(err);
  };

  // my side: my text where I changed it, theirs elsewhere (what 保留我的 would save)
  const m = open ? (mine() ?? {}) : {};
  const diff = theirs
    ? diffArticles(theirs, {
        title: m.title ?? theirs.title,
        lede: m.lede ?? theirs.lede,
        body: m.body ?? theirs.body,
      })
    : null;

  return (
    <dialog
      ref={ref}
      aria-labelledby="conflict-title"
      aria-describedby="conflict-desc"
      onClose={onClose}
      data-testid="conflict-dialog"
      className="m-auto w-[min(56rem,calc(100vw-2rem))] rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      {open && (
        <div className="max-h-[85vh] overflow-y-auto p-5">
          <h2 id="conflict-title" className="mb-2 text-lg font-semibold text-ink-900">
            保存冲突：文章已被他人修改
          </h2>
          <div id="conflict-desc" className="space-y-1 text-sm text-ink-900">
            <p>
              你打开这篇文章之后，
              {theirs
                ? `它已被保存为第 ${theirs.version} 版（${formatDateTime(theirs.updatedAt)}）`
                : "它已被他人保存"}
              。你的内容仍在编辑器里，也已备份在本机。
            </p>
            <p>无论选哪一项，两份内容都会留在「历史版本」中，不会丢失。</p>
          </div>
          {message && (
            <p role="alert" className="mt-3 text-sm text-red-700">
              {message}
            </p>
          )}
          {!theirs && !message && (
            <p role="status" className="mt-3 text-sm text-ink-600">
              正在读取对方的版本…
            </p>
          )}
          <div className="mt-4 flex flex-wrap gap-2">
            <button
              type="button"
              className={primaryButton}
              disabled={!theirs || busy}
              onClick={() => void choose("MINE")}
            >
              保留我的
            </button>
            <button
              type="button"
              className={secondaryButton}
              disabled={!theirs || busy}
              onClick={() => void choose("THEIRS")}
            >
              采用对方的
            </button>
            <button
              type="button"
              className={secondaryButton}
              disabled={!theirs}
              aria-expanded={showDiff}
              aria-controls="conflict-diff"
              onClick={() => setShowDiff((v) => !v)}
            >
              {showDiff ? "收起差异" : "查看差异"}
            </button>
            <button type="button" className="ml-auto text-sm text-ink-600 underline" onClick={onClose}>
              稍后处理
            </button>
          </div>
          <ul className="mt-2 list-disc pl-5 text-xs text-ink-600">
            <li>保留我的：在对方的版本之上保存你的修改，成为新的版本。</li>
            <li>采用对方的：编辑器换成对方的内容；你的内容先存为一个历史版本。</li>
          </ul>
          <div id="conflict-diff" hidden={!showDiff} className="mt-4">
            {showDiff && diff && (
              <DiffView
                diff={diff}
                beforeLabel="对方的版本"
                afterLabel="我的内容"
                layout="split"
                context={2}
              />
            )}
          </div>
        </div>
      )}
    </dialog>
  );
}
