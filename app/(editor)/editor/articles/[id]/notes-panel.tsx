"use client";

import { useEffect, useId, useState, useTransition } from "react";
import { primaryButton } from "@/components/ui/button";
import { inputClass } from "@/components/ui/input";
import { formatDateTime } from "@/lib/format/beijing-time";
import type { EditorialNoteDto } from "@/lib/services/editorial-notes/list-notes";
import { addNoteAction, listNotesAction } from "./review-actions";

const MAX = 2000;

/**
 * 编辑备注: the staff thread on the article (translators, editors, admins; never readers or
 * contributors: for them the service answers FORBIDDEN and the panel is not shown). `@显示名`
 * notifies that staff member.
 */
export function NotesPanel({ articleId }: { articleId: string }) {
  const id = useId();
  const [items, setItems] = useState<EditorialNoteDto[] | null>(null);
  const [hidden, setHidden] = useState(false);
  const [body, setBody] = useState("");
  const [error, setError] = useState("");
  const [pending, start] = useTransition();

  useEffect(() => {
    let live = true;
    listNotesAction(articleId).then((r) => {
      if (!live) return;
      if (r.ok) setItems(r.data);
      else if (r.error.code === "FORBIDDEN") setHidden(true);
      else setError(r.error.message);
    });
    return () => void (live = false);
  }, [articleId]);

  if (hidden) return null;
  const submit = () =>
    start(async () => {
      setError("");
      if (!body.trim()) return setError("请填写备注内容。");
      const r = await addNoteAction({ articleId, body });
      if (!r.ok) return setError(r.error.fieldErrors?.body?.[0] ?? r.error.message);
      setBody("");
      const list = await listNotesAction(articleId);
      if (list.ok) setItems(list.data);
    });

  return (
    <details open id="editorial-notes" className="rounded-lg bg-white" data-testid="notes-panel">
      <summary className="cursor-pointer select-none px-4 py-3 text-sm font-semibold text-ink-900">
        编辑备注（仅工作人员可见）
      </summary>
      <div className="space-y-3 px-4 pb-4 text-sm">
        {!items && !error && <p role="status">加载中…</p>}
        {items && items.length === 0 && <p className="text-ink-600">还没有备注。</p>}
        {items && items.length > 0 && (
          <ol className="space-y-2" aria-label="编辑备注列表">
            {items.map((n) => (
              <li key={n.id} className="rounded bg-slate-50 p-2">
                <p className="text-xs text-ink-600">
                  <span className="font-medium text-ink-900">{n.authorName}</span> ·{" "}
                  <time dateTime={new Date(n.createdAt).toISOString()}>{formatDateTime(n.createdAt)}</time>
                </p>
                <p className="mt-1 whitespace-pre-wrap break-words">{n.body}</p>
                {n.mentionedNames.length > 0 && (
                  <p className="mt-1 text-xs text-ink-600">已通知：{n.mentionedNames.join("、")}</p>
                )}
              </li>
            ))}
          </ol>
        )}
        <form
          noValidate
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <label htmlFor={`${id}-body`} className="block font-medium text-ink-900">
            添加备注
          </label>
          <textarea
            id={`${id}-body`}
            value={body}
            rows={3}
            maxLength={MAX}
            aria-describedby={`${id}-hint`}
            onChange={(e) => setBody(e.target.value)}
            className={inputClass()}
          />
          <p id={`${id}-hint`} className="text-xs text-ink-600">
            用“@显示名”提到译者、编辑或管理员，对方会收到通知。
          </p>
          {error && (
            <p role="alert" className="text-red-700">
              {error}
            </p>
          )}
          <button type="submit" className={primaryButton} disabled={pending}>
            {pending ? "发送中…" : "发送备注"}
          </button>
        </form>
      </div>
    </details>
  );
}
