import { FormField } from "@/components/ui/form-field";
import type { AdminCategory } from "@/lib/services/categories/list-categories-for-admin";

/** 名称 / URL 标识 / 说明, shared by the create and edit forms. */
export function CategoryFields({ c, idPrefix }: { c?: AdminCategory; idPrefix: string }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <FormField
        size="sm"
        id={`${idPrefix}-name`}
        name="name"
        label="名称"
        required
        maxLength={32}
        defaultValue={c?.name}
      />
      <FormField
        size="sm"
        id={`${idPrefix}-slug`}
        name="slug"
        label="URL 标识（小写字母、数字、连字符）"
        required
        maxLength={64}
        pattern="[a-z0-9]+(-[a-z0-9]+)*"
        defaultValue={c?.slug}
      />
      <FormField
        size="sm"
        id={`${idPrefix}-description`}
        name="description"
        label="说明（选填）"
        maxLength={200}
        defaultValue={c?.description ?? ""}
        className="sm:col-span-2"
      />
    </div>
  );
}
