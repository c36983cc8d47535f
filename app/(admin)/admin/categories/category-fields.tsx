import type { AdminCategory } from "@/lib/services/categories/list-categories-for-admin";
import * as ui from "../ui";

/** 名称 / URL 标识 / 说明, shared by the create and edit forms. */
export function CategoryFields({ c, idPrefix }: { c?: AdminCategory; idPrefix: string }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <label className="text-sm" htmlFor={`${idPrefix}-name`}>
        <span className="mb-1 block text-ink-600">名称</span>
        <input
          id={`${idPrefix}-name`}
          name="name"
          required
          maxLength={32}
          defaultValue={c?.name}
          className={ui.input}
        />
      </label>
      <label className="text-sm" htmlFor={`${idPrefix}-slug`}>
        <span className="mb-1 block text-ink-600">URL 标识（小写字母、数字、连字符）</span>
        <input
          id={`${idPrefix}-slug`}
          name="slug"
          required
          maxLength={64}
          pattern="[a-z0-9]+(-[a-z0-9]+)*"
          defaultValue={c?.slug}
          className={ui.input}
        />
      </label>
      <label className="text-sm sm:col-span-2" htmlFor={`${idPrefix}-description`}>
        <span className="mb-1 block text-ink-600">说明（选填）</span>
        <input
          id={`${idPrefix}-description`}
          name="description"
          maxLength={200}
          defaultValue={c?.description ?? ""}
          className={ui.input}
        />
      </label>
    </div>
  );
}
