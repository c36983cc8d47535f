"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState, useTransition } from "react";
import { ConfirmDelete, EditDeleteButtons, RowError } from "@/components/ui/row-actions";
import { tdClass } from "@/components/ui/table";
import type { GlossaryTermRow } from "@/lib/services/glossary/list-terms";
import { deleteTermAction, updateTermAction } from "./actions";
import { TermForm } from "./term-form";

/** One term; for editors an edit form that opens in place of the row, and delete with a confirmation. */
export function TermRow({ t, canManage }: { t: GlossaryTermRow; canManage: boolean }) {
  const router = useRouter();
  const [mode, setMode] = useState<"view" | "edit" | "delete">("view");
  const [error, setError] = useState("");
  const [pending, start] = useTransition();
  const close = useCallback(() => setMode("view"), []);
  if (mode === "edit") {
    return (
      <tr data-testid="glossary-row">
        <td colSpan={6} className={`${tdClass} bg-slate-50`}>
          <TermForm
            action={updateTermAction}
            term={t}
            idPrefix={`edit-${t.id}`}
            submitLabel="保存"
            onDone={close}
            onCancel={close}
          />
        </td>
      </tr>
    );
  }
  const remove = () =>
    start(async () => {
      setError("");
      const r = await deleteTermAction({ id: t.id });
      if (!r.ok) setError(r.error.message);
      else setMode("view");
      router.refresh();
    });
  return (
    <tr data-testid="glossary-row">
      <th scope="row" className={`${tdClass} font-medium`}>
        {t.source}
      </th>
      <td className={tdClass}>
        {t.doNotTranslate ? <span className="text-ink-600">（保留原文）</span> : t.target}
      </td>
      <td className={`${tdClass} text-ink-600`}>{t.variants.length ? t.variants.join("、") : "—"}</td>
      <td className={`${tdClass} max-w-xs text-ink-600`}>{t.note || "—"}</td>
      <td className={tdClass}>{t.doNotTranslate ? "是" : "否"}</td>
      {canManage && (
        <td className={tdClass}>
          {mode === "delete" ? (
            <ConfirmDelete
              id={`del-${t.id}`}
              question={`确定删除术语「${t.source}」吗？`}
              pending={pending}
              onConfirm={remove}
              onCancel={close}
            />
          ) : (
            <div className="flex flex-wrap gap-1">
              <EditDeleteButtons
                name={t.source}
                onEdit={() => setMode("edit")}
                onDelete={() => {
                  setError("");
                  setMode("delete");
                }}
              />
            </div>
          )}
          <RowError message={error} />
        </td>
      )}
    </tr>
  );
}
