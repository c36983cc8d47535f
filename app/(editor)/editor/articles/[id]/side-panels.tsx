"use client";

import { useState, type ReactNode } from "react";
import { secondaryButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ImageFileField } from "@/components/ui/image-file-field";
import { inputClass } from "@/components/ui/input";
import { Options } from "@/components/ui/options";
import { uploadImageFile } from "@/components/editor/upload-image";
import type { FieldErrors } from "@/lib/errors";
import type { DraftFields } from "./draft-fields";
import { SeoPreview } from "./seo-preview";
import { TagsInput } from "./tags-input";
import { TextField } from "./text-field";

export type PanelProps = {
  fields: DraftFields;
  update: (patch: Partial<DraftFields>) => void;
  disabled: boolean;
  errors: FieldErrors;
};

export function Panel({
  title,
  children,
  defaultOpen = true,
}: {
  title: string;
  children: ReactNode;
  defaultOpen?: boolean;
}) {
  return (
    <details open={defaultOpen} className="group rounded-lg bg-white">
      <summary className="cursor-pointer select-none px-4 py-3 text-sm font-semibold text-ink-900">
        {title}
      </summary>
      <div className="space-y-4 px-4 pb-4">{children}</div>
    </details>
  );
}

export function CategoryTagsPanel({
  fields,
  update,
  disabled,
  errors,
  categories,
  tagNames,
}: PanelProps & { categories: { id: number; name: string }[]; tagNames: string[] }) {
  return (
    <Panel title="分类与标签">
      <Field id="ed-category" label="分类" errors={errors.categoryId}>
        {(p) => (
          <select
            {...p}
            value={fields.categoryId}
            disabled={disabled}
            onChange={(e) => update({ categoryId: Number(e.target.value) })}
            className={inputClass()}
          >
            <Options items={categories.map((c) => [c.id, c.name] as const)} />
          </select>
        )}
      </Field>
      <TagsInput
        value={fields.tags}
        onChange={(tags) => update({ tags })}
        suggestions={tagNames}
        disabled={disabled}
        errors={errors.tags}
      />
    </Panel>
  );
}

export function CoverPanel(props: PanelProps) {
  const { fields, update, disabled } = props;
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState("");
  async function upload(file: File | undefined) {
    if (!file) return;
    setUploading(true);
    setUploadError("");
    try {
      update({ coverUrl: (await uploadImageFile(file, fields.coverAlt)).url });
    } catch (e) {
      setUploadError((e as Error).message);
    } finally {
      setUploading(false);
    }
  }
  return (
    <Panel title="封面图" defaultOpen={false}>
      {fields.coverUrl && (
        // eslint-disable-next-line @next/next/no-img-element -- preview of an upload or external address
        <img
          src={fields.coverUrl}
          alt=""
          className="aspect-[1200/630] w-full rounded border border-slate-200 object-cover"
        />
      )}
      <ImageFileField
        id="ed-cover-file"
        label="上传封面（建议 1200×630）"
        onFile={upload}
        isUploading={uploading}
        disabled={disabled}
        error={uploadError}
      />
      <TextField
        draft={props}
        name="coverUrl"
        label="或填写本站图片地址（/media/…）"
        max={2048}
        placeholder="/media/…"
        hint="外部图片会被本站的安全策略拦截，请先上传。"
      />
      <TextField
        draft={props}
        name="coverAlt"
        label="封面替代文本"
        max={200}
        hint="描述图片内容，供读屏软件朗读。"
      />
      <TextField draft={props} name="coverCaption" label="封面图注" max={200} />
      {fields.coverUrl && (
        <button
          type="button"
          className={secondaryButton}
          disabled={disabled}
          onClick={() => update({ coverUrl: "" })}
        >
          移除封面
        </button>
      )}
    </Panel>
  );
}

export function SeoPanel(props: PanelProps & { publicId: string }) {
  return (
    <Panel title="搜索引擎（SEO）" defaultOpen={false}>
      <TextField draft={props} name="seoTitle" label="SEO 标题" max={200} hint="留空则使用文章标题。" />
      <TextField
        draft={props}
        name="seoDescription"
        label="SEO 描述"
        multiline={3}
        max={300}
        hint="留空则使用导语，最多 300 字。"
      />
      <SeoPreview fields={props.fields} publicId={props.publicId} />
    </Panel>
  );
}
