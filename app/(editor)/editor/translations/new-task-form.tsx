"use client";

import { useHydrated } from "@/components/ui/use-hydrated";
import { useActionState, useRef, useState } from "react";
import { primaryButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { inputClass } from "@/components/ui/input";
import { Options } from "@/components/ui/options";
import { submitKeepingValues } from "@/components/ui/submit-keeping-values";
import { useFocusError } from "@/components/ui/use-focus-error";
import type { ActionResult } from "@/lib/errors";
import { createTranslationTaskAction } from "./actions";

type Props = {
  categories: { id: number; name: string }[];
  translators: { id: string; displayName: string }[];
};

/** 新建翻译任务: a source URL, a category, a translator (or 待认领) and an optional due time. */
export function NewTaskForm({ categories, translators }: Props) {
  const hydrated = useHydrated();
  const [state, action, pending] = useActionState<ActionResult<unknown> | null, FormData>(
    createTranslationTaskAction,
    null,
  );
  const [dueIso, setDueIso] = useState("");
  const errors = state && !state.ok ? (state.error.fieldErrors ?? {}) : {};
  const form = useRef<HTMLFormElement>(null);
  const alert = useRef<HTMLDivElement>(null);
  useFocusError(state && !state.ok ? state : {}, form, alert);

  return (
    <form
      ref={form}
      onSubmit={submitKeepingValues(action)}
      className="space-y-4 rounded-lg bg-white p-4"
      aria-label="新建翻译任务"
      noValidate
    >
      <h2 className="text-lg font-semibold text-ink-900">新建翻译任务</h2>
      {state && !state.ok && (
        <FormAlert tone="error" ref={alert}>
          {state.error.message}
        </FormAlert>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <Field
          id="t-sourceUrl"
          name="sourceUrl"
          label="原文链接"
          errors={errors.sourceUrl}
          hint="英文原文的网址；译者在双语翻译页抓取原文。"
        >
          {(p) => (
            <input
              {...p}
              type="url"
              required
              maxLength={2048}
              placeholder="https://"
              className={inputClass()}
            />
          )}
        </Field>
        <Field id="t-categoryId" name="categoryId" label="分类" errors={errors.categoryId}>
          {(p) => (
            <select {...p} required defaultValue="" className={inputClass()}>
              <Options placeholder="请选择分类" items={categories.map((c) => [c.id, c.name] as const)} />
            </select>
          )}
        </Field>
        <Field
          id="t-translatorId"
          name="translatorId"
          label="译者"
          errors={errors.translatorId}
          hint="不选则进入“待认领”，由译者自行认领。"
        >
          {(p) => (
            <select {...p} defaultValue="" className={inputClass()}>
              <Options
                placeholder="待认领（不指定）"
                items={translators.map((t) => [t.id, t.displayName] as const)}
              />
            </select>
          )}
        </Field>
        <Field id="t-due" label="截止时间（可选）" errors={errors.dueAt}>
          {(p) => (
            <input
              {...p}
              type="datetime-local"
              className={inputClass()}
              onChange={(e) => setDueIso(e.target.value ? new Date(e.target.value).toISOString() : "")}
            />
          )}
        </Field>
      </div>
      <input type="hidden" name="dueAt" value={dueIso} />
      <button
        type="submit"
        disabled={pending || !hydrated}
        aria-busy={pending || undefined}
        className={primaryButton}
      >
        {pending ? "创建中…" : "创建并分配"}
      </button>
    </form>
  );
}
