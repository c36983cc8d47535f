"use client";

import { useHydrated } from "@/components/ui/use-hydrated";
import { useActionState, useRef, useState } from "react";
import { primaryButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { inputClass } from "@/components/ui/input";
import { submitKeepingValues } from "@/components/ui/submit-keeping-values";
import { Options } from "@/components/ui/options";
import { useFocusError } from "@/components/ui/use-focus-error";
import { createArticleAction, type NewArticleState } from "../actions";
import { SourceFields } from "./source-fields";

type Props = { categories: { id: number; name: string }[]; defaultKind: "original" | "translation" };

export function NewArticleForm({ categories, defaultKind }: Props) {
  const hydrated = useHydrated();
  const [state, action, pending] = useActionState<NewArticleState, FormData>(createArticleAction, null);
  const [kind, setKind] = useState(defaultKind);
  const errors = state && !state.ok ? (state.error.fieldErrors ?? {}) : {};
  const form = useRef<HTMLFormElement>(null);
  const alert = useRef<HTMLDivElement>(null);
  useFocusError(state && !state.ok ? state : {}, form, alert);

  return (
    <form
      ref={form}
      // not <form action>: a pasted source text must survive a refused submit
      onSubmit={submitKeepingValues(action)}
      className="space-y-5 rounded-lg bg-white p-4 sm:p-6"
      noValidate
    >
      {state && !state.ok && (
        <FormAlert tone="error" ref={alert}>
          {state.error.message}
        </FormAlert>
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
      <Field
        id="f-title"
        name="title"
        label="标题"
        errors={errors.title}
        hint="最多 200 字，之后可在编辑器中修改。"
      >
        {(p) => <input {...p} type="text" maxLength={200} required className={inputClass()} />}
      </Field>
      <Field id="f-categoryId" name="categoryId" label="分类" errors={errors.categoryId}>
        {(p) => (
          <select {...p} required defaultValue="" className={inputClass()}>
            <Options placeholder="请选择分类" items={categories.map((c) => [c.id, c.name] as const)} />
          </select>
        )}
      </Field>
      <Field id="f-lede" name="lede" label="导语" errors={errors.lede} hint="一两句话概括全文，最多 500 字。">
        {(p) => <textarea {...p} rows={2} maxLength={500} className={inputClass()} />}
      </Field>
      {kind === "translation" && <SourceFields errors={errors} />}
      <button
        type="submit"
        disabled={pending || !hydrated}
        aria-busy={pending || undefined}
        className={primaryButton}
      >
        {pending ? "创建中…" : "创建草稿并开始编辑"}
      </button>
    </form>
  );
}
