"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import type { ActionResult } from "@/lib/errors";
import type { AdminTag } from "@/lib/services/tags/list-tags-for-admin";
import { ActionForm } from "../action-form";
import { dangerButton, primaryButton, secondaryButton } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import {
  ConfirmDelete,
  EditDeleteButtons,
  RowError,
  smallButton as small,
} from "@/components/ui/row-actions";
import { tdClass } from "@/components/ui/table";
import { TAG_KIND_LABELS } from "@/lib/labels";
import { deleteTagAction, mergeTagsAction, updateTagAction } from "./actions";
import { EntityForm } from "./entity-form";

type Mode = "view" | "edit" | "entity" | "merge" | "confirmMerge" | "delete";

/**
 * One tag: counts, then 编辑 (name, URL 标识), 类型与别名 (threat entities, issue 16), 合并 (with a
 * confirmation) and 删除 (with a confirmation).
 */
export function TagRow({ t }: { t: AdminTag }) {
  const router = useRouter();
  const [mode, setMode] = useState<Mode>("view");
  const [into, setInto] = useState("");
  const [error, setError] = useState("");
  const [pending, start] = useTransition();
  const open = (m: Mode) => {
    setError("");
    setMode(m);
  };
  // a refused merge goes back to its field, so the editor can pick another tag at once; a refusal
  // changed nothing, so no refresh: the transition ends now, and the next confirmation's button
  // mounts enabled (a disabled button cannot take its autoFocus)
  const run = (fn: () => Promise<ActionResult<unknown>>, onError?: Mode) =>
    start(async () => {
      setError("");
      const r = await fn();
      if (!r.ok) {
        setError(r.error.message);
        if (onError) setMode(onError);
        return;
      }
      setMode("view");
      router.refresh();
    });
  const askMerge = (e: FormEvent) => {
    e.preventDefault();
    if (!into.trim()) return setError("请填写要合并到的标签。");
    open("confirmMerge");
  };
  return (
    <tr data-testid="tag-row" onKeyDown={(e) => e.key === "Escape" && mode !== "view" && open("view")}>
      <th scope="row" className={`${tdClass} font-medium`}>
        {t.name}
        <span className="block text-xs font-normal text-ink-600">/tag/{t.slug}</span>
        {t.kind !== "TOPIC" && (
          <span className="block text-xs font-normal text-ink-600">
            {TAG_KIND_LABELS[t.kind]}
            {t.aliases.length > 0 && ` · 又名 ${t.aliases.join("、")}`}
          </span>
        )}
      </th>
      <td className={`${tdClass} text-right tabular-nums`}>{t.publishedCount}</td>
      <td className={`${tdClass} text-right tabular-nums`}>{t.articleCount}</td>
      <td className={tdClass}>
        {mode === "edit" ? (
          <ActionForm
            action={updateTagAction}
            submitLabel="保存"
            successMessage="已保存。"
            submitClass={primaryButton}
          >
            <input type="hidden" name="id" value={t.id} />
            <div className="grid gap-3 sm:grid-cols-2">
              <FormField
                size="sm"
                id={`tag-${t.id}-name`}
                name="name"
                label="名称"
                required
                maxLength={32}
                defaultValue={t.name}
              />
              <FormField
                size="sm"
                id={`tag-${t.id}-slug`}
                name="slug"
                label="URL 标识（小写字母、数字、连字符）"
                hint="改了之后，旧链接会 301 跳转到新链接。"
                required
                maxLength={64}
                pattern="[a-z0-9]+(-[a-z0-9]+)*"
                defaultValue={t.slug}
              />
            </div>
            <button type="button" className={`${secondaryButton} mt-2`} onClick={() => open("view")}>
              关闭
            </button>
          </ActionForm>
        ) : mode === "entity" ? (
          <EntityForm t={t} onClose={() => open("view")} />
        ) : mode === "merge" ? (
          <form onSubmit={askMerge} className="space-y-2" aria-label={`合并「${t.name}」`}>
            <FormField
              size="sm"
              id={`tag-${t.id}-into`}
              name="into"
              label="合并到（已有标签的名称或 URL 标识）"
              list="tag-names"
              required
              autoFocus
              maxLength={64}
              value={into}
              onChange={(e) => setInto(e.target.value)}
            />
            <div className="flex flex-wrap gap-2">
              <button type="submit" className={`${primaryButton} ${small}`}>
                合并…
              </button>
              <button type="button" className={`${secondaryButton} ${small}`} onClick={() => open("view")}>
                取消
              </button>
            </div>
          </form>
        ) : mode === "confirmMerge" ? (
          <div role="alertdialog" aria-labelledby={`merge-${t.id}`} className="space-y-2">
            <p id={`merge-${t.id}`} className="text-sm">
              确定把「{t.name}」合并到「{into.trim()}」吗？它的 {t.articleCount} 篇文章将改用「{into.trim()}
              」， 「{t.name}」随即删除，旧链接跳转到「{into.trim()}」。此操作无法撤销。
            </p>
            <div className="flex flex-wrap gap-2">
              <button
                type="button"
                autoFocus
                disabled={pending}
                className={`${dangerButton} ${small}`}
                onClick={() => run(() => mergeTagsAction({ id: t.id, into: into.trim() }), "merge")}
              >
                {pending ? "合并中…" : "确认合并"}
              </button>
              <button type="button" className={`${secondaryButton} ${small}`} onClick={() => open("merge")}>
                返回
              </button>
            </div>
          </div>
        ) : mode === "delete" ? (
          <ConfirmDelete
            id={`del-tag-${t.id}`}
            question={`确定删除标签「${t.name}」吗？`}
            pending={pending}
            onConfirm={() => run(() => deleteTagAction({ id: t.id }))}
            onCancel={() => open("view")}
          />
        ) : (
          <div className="flex flex-wrap gap-1">
            <button
              type="button"
              className={`${secondaryButton} ${small}`}
              aria-label={`「${t.name}」的类型与别名`}
              onClick={() => open("entity")}
            >
              类型与别名
            </button>
            <button
              type="button"
              className={`${secondaryButton} ${small}`}
              aria-label={`合并「${t.name}」到另一个标签`}
              onClick={() => open("merge")}
            >
              合并
            </button>
            <EditDeleteButtons name={t.name} onEdit={() => open("edit")} onDelete={() => open("delete")} />
          </div>
        )}
        <RowError message={error} />
      </td>
    </tr>
  );
}
