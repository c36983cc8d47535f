"use client";

import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { inputClass, primaryButton } from "@/components/editor/modal-dialog";
import { createArticleAction, type NewArticleState } from "../actions";
import { Field } from "../field";
import { SourceFields } from "./source-fields";

type Props = { categories: { id: number; name: string }[]; defaultKind: "original" | "translation" };

export function NewArticleForm({ categories, defaultKind }: Props) {
  const [state, action, pending] = useActionState<NewArticleState, FormData>(createArticleAction, null);
  const [kind, setKind] = useState(defaultKind);
  const errors = state && !state.ok ? (state.error.fieldErrors ?? {}) : {};
  const form = useRef<HTMLFormElement>(null);
  const alert = useRef<HTMLParagraphElement>(null);
  // after a refused submit, keyboard and screen-reader users land on the first problem
  useEffect(() => {
    if (!state || state.ok) return;
    (form.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? alert.current)?.focus();
  }, [state]);

  return (
    <form
      ref={form}
      // dispatched by hand rather than <form action>: React resets a form after an action, which
      // would wipe a pasted source text when the server asks for a correction
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => action(data));
      }}
      className="space-y-5 rounded-lg bg-white p-4 sm:p-6"
      noValidate
    >
      {state && !state.ok && (
        <p ref={alert} tabIndex={-1} role="alert" className="rounded border border-red-200 bg-red-50 p-3 text-sm text-red-700">
          {state.error.message}
        </p>
      )}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-ink-900">文章类型</legend>
        <div className="flex gap-4 text-sm">
          {(["original", "translation"] as const).map((k) => (
            <label key={k} className="flex items-center gap-2">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {k === "original" ? "原创" : "译文（翻译英文来源）"}
            </label>
          ))}
        </div>
      </fieldset>
      <Field label="标题" name="title" errors={errors.title} hint="最多 200 字，之后可在编辑器中修改。">
        {(p) => <input {...p} type="text" maxLength={200} required className={inputClass} />}
      </Field>
      <Field label="分类" name="categoryId" errors={errors.categoryId}>
        {(p) => (
          <select {...p} required defaultValue="" className={inputClass}>
            <option value="" disabled>
              请选择分类
            </option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="导语" name="lede" errors={errors.lede} hint="一两句话概括全文，最多 500 字。">
        {(p) => <textarea {...p} rows={2} maxLength={500} className={inputClass} />}
      </Field>
      {kind === "translation" && <SourceFields errors={errors} />}
      <button type="submit" disabled={pending} aria-busy={pending || undefined} className={primaryButton}>
        {pending ? "创建中…" : "创建草稿并开始编辑"}
      </button>
    </form>
  );
}
