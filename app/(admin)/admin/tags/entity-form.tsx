"use client";

import { primaryButton, secondaryButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { staffInputClass } from "@/components/ui/input";
import { TAG_KIND_LABELS } from "@/lib/labels";
import type { AdminTag } from "@/lib/services/tags/list-tags-for-admin";
import { ActionForm } from "../action-form";
import { updateTagEntityAction } from "./actions";

/**
 * 类型与别名: whether the tag is a topic or a threat entity, its public description and its other
 * names. Tagging an article with an alias tags this entity (lib/services/articles/resolve-tags.ts).
 */
export function EntityForm({ t, onClose }: { t: AdminTag; onClose: () => void }) {
  return (
    <ActionForm
      action={updateTagEntityAction}
      submitLabel="保存"
      successMessage="已保存。"
      submitClass={primaryButton}
    >
      <input type="hidden" name="id" value={t.id} />
      <div className="grid gap-3">
        <Field id={`tag-${t.id}-kind`} name="kind" label="类型">
          {(p) => (
            <select {...p} defaultValue={t.kind} className={staffInputClass}>
              {Object.entries(TAG_KIND_LABELS).map(([k, label]) => (
                <option key={k} value={k}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={`tag-${t.id}-aliases`}
          name="aliases"
          label="别名"
          note="（每行一个，或用逗号、顿号分隔；最多 20 个）"
          hint="例如 APT29 的别名：Cozy Bear、Midnight Blizzard、舒适熊。给文章打别名标签时会自动用这个标签。"
        >
          {(p) => (
            <textarea
              {...p}
              rows={3}
              maxLength={1320}
              defaultValue={t.aliases.join("\n")}
              className={staffInputClass}
            />
          )}
        </Field>
        <Field
          id={`tag-${t.id}-description`}
          name="description"
          label="简介"
          note="（选填，最多 500 字，显示在标签页）"
        >
          {(p) => (
            <textarea
              {...p}
              rows={2}
              maxLength={500}
              defaultValue={t.description ?? ""}
              className={staffInputClass}
            />
          )}
        </Field>
      </div>
      <button type="button" className={`${secondaryButton} mt-2`} onClick={onClose}>
        关闭
      </button>
    </ActionForm>
  );
}
