"use client";

import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input";
import type { FieldErrors } from "@/lib/errors";

/** 译文信息 on the 新建文章 form: where the original comes from, and its full text for the side-by-side pane. */
export function SourceFields({ errors }: { errors: FieldErrors }) {
  return (
    <fieldset className="space-y-4 rounded-md border border-slate-200 p-4">
      <legend className="px-1 text-sm font-medium text-ink-900">译文信息</legend>
      <Field
        id="f-sourceUrl"
        name="sourceUrl"
        label="原文链接"
        errors={errors.sourceUrl}
        hint="以 http:// 或 https:// 开头。"
      >
        {(p) => <input {...p} type="url" maxLength={2048} placeholder="https://" className={inputClass()} />}
      </Field>
      <Field id="f-sourceTitle" name="sourceTitle" label="原文标题" errors={errors.sourceTitle}>
        {(p) => <input {...p} type="text" maxLength={300} lang="en" className={inputClass()} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="f-sourceAuthor" name="sourceAuthor" label="原作者" errors={errors.sourceAuthor}>
          {(p) => <input {...p} type="text" maxLength={200} className={inputClass()} />}
        </Field>
        <Field id="f-sourceSite" name="sourceSite" label="来源站点" errors={errors.sourceSite}>
          {(p) => (
            <input
              {...p}
              type="text"
              maxLength={100}
              placeholder="例如 BleepingComputer"
              className={inputClass()}
            />
          )}
        </Field>
        <Field
          id="f-sourcePublishedAt"
          name="sourcePublishedAt"
          label="原文发布时间"
          errors={errors.sourcePublishedAt}
        >
          {(p) => <input {...p} type="date" className={inputClass()} />}
        </Field>
      </div>
      <Field
        id="f-sourceText"
        name="sourceText"
        label="原文全文"
        errors={errors.sourceText}
        hint="粘贴英文原文，段落之间空一行。编辑时会显示在正文旁边，逐段对照。不会公开。"
      >
        {(p) => <textarea {...p} rows={8} lang="en" className={`${inputClass()} font-mono text-sm`} />}
      </Field>
    </fieldset>
  );
}
