"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { secondaryButton } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format/beijing-time";
import { CORRECTION_KIND_LABELS } from "@/lib/labels";
import type { ArticleForEdit } from "@/lib/services/articles/article-dto";
import { CorrectionFields, correctionInput, NO_CORRECTION, type CorrectionDraft } from "./correction-fields";
import { fileCorrectionAction } from "./saving-actions";
import { Panel } from "./side-panels";

/**
 * 更正与更新 of a live article: its public log, and (for those who may publish) a note filed on
 * its own, for a fix that already went live or a source that changed. A note that belongs to a
 * text change is filed with 更新 in the pending-edit banner instead.
 */
export function CorrectionsPanel({
  articleId,
  corrections,
  canFile,
}: {
  articleId: string;
  corrections: ArticleForEdit["corrections"];
  canFile: boolean;
}) {
  const router = useRouter();
  const [draft, setDraft] = useState<CorrectionDraft>(NO_CORRECTION);
  const [note, setNote] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [pending, start] = useTransition();
  const file = () => {
    const input = correctionInput(draft);
    if (!input.ok) return setNote({ tone: "error", text: input.message });
    if (!input.value) return setNote({ tone: "error", text: "请选择修改类型：更正、更新或原文更新。" });
    const value = input.value;
    start(async () => {
      setNote(null);
      const r = await fileCorrectionAction({ id: articleId, ...value });
      if (!r.ok) return setNote({ tone: "error", text: r.error.message });
      setDraft(NO_CORRECTION);
      setNote({ tone: "ok", text: "已记录，文章页和 RSS 已显示这条说明。" });
      router.refresh();
    });
  };
  return (
    <Panel title={`更正与更新（${corrections.length}）`} defaultOpen={corrections.length > 0}>
      {corrections.length === 0 ? (
        <p className="text-sm text-ink-600">还没有公开的更正或更新说明。小修改不需要说明。</p>
      ) : (
        <ol className="space-y-2 text-sm" data-testid="editor-corrections">
          {corrections.map((c) => (
            <li key={c.id} className="break-words">
              <span className="text-ink-600">{formatDateTime(c.createdAt)}</span>{" "}
              <strong>{CORRECTION_KIND_LABELS[c.kind]}</strong>：{c.note}
            </li>
          ))}
        </ol>
      )}
      {canFile && (
        <form
          className="space-y-3 border-t border-slate-100 pt-3"
          onSubmit={(e) => {
            e.preventDefault();
            file();
          }}
        >
          <CorrectionFields
            id="corr-panel"
            value={draft}
            onChange={setDraft}
            disabled={pending}
            allowMinor={false}
          />
          <button type="submit" className={secondaryButton} disabled={pending || !draft.kind}>
            {pending ? "正在记录…" : "记录说明"}
          </button>
        </form>
      )}
      <p role="status" aria-live="polite" className="text-sm">
        {note && <span className={note.tone === "ok" ? "text-green-700" : "text-red-700"}>{note.text}</span>}
      </p>
    </Panel>
  );
}
