"use client";

import { useState, useTransition } from "react";
import { Panel } from "./side-panels";
import { setCommentsClosedAction } from "./comments-actions";

/**
 * 评论: the per-article switch. Saved at once on its own, not with the text: on a live article
 * closing comments must not wait for the pending edits to be published.
 */
export function CommentsPanel({ articleId, closed: initial }: { articleId: string; closed: boolean }) {
  const [closed, setClosed] = useState(initial);
  // fixed at mount: the action refreshes the page's props, and <details open> follows its prop
  const [startOpen] = useState(initial);
  const [note, setNote] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [pending, start] = useTransition();
  const toggle = (next: boolean) =>
    start(async () => {
      setNote(null);
      const r = await setCommentsClosedAction({ id: articleId, closed: next });
      if (r.ok) {
        setClosed(next);
        setNote({ tone: "ok", text: next ? "已关闭本文评论。" : "已开启本文评论。" });
      } else setNote({ tone: "error", text: r.error.message });
    });
  return (
    <Panel title="评论" defaultOpen={startOpen}>
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          checked={closed}
          disabled={pending}
          onChange={(e) => toggle(e.target.checked)}
          className="mt-1"
        />
        <span>
          关闭评论
          <span className="block text-xs text-ink-600">
            关闭后读者不能再发表评论，文章页显示「本文已关闭评论」；已有评论照常显示。立即生效，无需保存。
          </span>
        </span>
      </label>
      <p role="status" aria-live="polite" className="text-sm">
        {note && <span className={note.tone === "ok" ? "text-green-700" : "text-red-700"}>{note.text}</span>}
      </p>
    </Panel>
  );
}
