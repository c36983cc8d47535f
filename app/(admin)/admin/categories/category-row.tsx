"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/errors";
import type { AdminCategory } from "@/lib/services/categories/list-categories-for-admin";
import { ActionForm } from "../action-form";
import { primaryButton, secondaryButton } from "@/components/ui/button";
import {
  ConfirmDelete,
  EditDeleteButtons,
  RowError,
  smallButton as small,
} from "@/components/ui/row-actions";
import { tdClass } from "@/components/ui/table";
import { deleteCategoryAction, moveCategoryAction, updateCategoryAction } from "./actions";
import { CategoryFields } from "./category-fields";

type Props = { c: AdminCategory; isFirst: boolean; isLast: boolean };

/** One category: order buttons, an edit form that opens in place, delete with a confirmation. */
export function CategoryRow({ c, isFirst, isLast }: Props) {
  const router = useRouter();
  const [mode, setMode] = useState<"view" | "edit" | "delete">("view");
  const [error, setError] = useState("");
  const [pending, start] = useTransition();
  const run = (fn: () => Promise<ActionResult<unknown>>) =>
    start(async () => {
      setError("");
      const r = await fn();
      if (!r.ok) setError(r.error.message);
      else setMode("view");
      router.refresh();
    });
  return (
    <tr data-testid="category-row">
      <th scope="row" className={`${tdClass} font-medium`}>
        {c.name}
        <span className="block text-xs font-normal text-ink-600">/{c.slug}</span>
      </th>
      <td className={`${tdClass} text-ink-600`}>{c.description ?? "—"}</td>
      <td className={`${tdClass} text-right tabular-nums`}>{c.articleCount}</td>
      <td className={tdClass}>
        {mode === "edit" ? (
          <ActionForm
            action={updateCategoryAction}
            submitLabel="保存"
            successMessage="已保存。"
            submitClass={primaryButton}
          >
            <input type="hidden" name="id" value={c.id} />
            <CategoryFields c={c} idPrefix={`edit-${c.id}`} />
            <button type="button" className={`${secondaryButton} mt-2`} onClick={() => setMode("view")}>
              取消
            </button>
          </ActionForm>
        ) : mode === "delete" ? (
          <ConfirmDelete
            id={`del-${c.id}`}
            question={`确定删除分类「${c.name}」吗？`}
            pending={pending}
            onConfirm={() => run(() => deleteCategoryAction({ id: c.id }))}
            onCancel={() => setMode("view")}
          />
        ) : (
          <div className="flex flex-wrap gap-1">
            <button
              type="button"
              disabled={pending || isFirst}
              className={`${secondaryButton} ${small}`}
              aria-label={`上移「${c.name}」`}
              onClick={() => run(() => moveCategoryAction({ id: c.id, direction: "up" }))}
            >
              上移
            </button>
            <button
              type="button"
              disabled={pending || isLast}
              className={`${secondaryButton} ${small}`}
              aria-label={`下移「${c.name}」`}
              onClick={() => run(() => moveCategoryAction({ id: c.id, direction: "down" }))}
            >
              下移
            </button>
            <EditDeleteButtons
              name={c.name}
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
    </tr>
  );
}
