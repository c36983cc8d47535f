"use client";

import { useHydrated } from "@/components/ui/use-hydrated";
import { useActionState, useState } from "react";
import { largePrimaryButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { inputClass } from "@/components/ui/input";
import { submitKeepingValues } from "@/components/ui/submit-keeping-values";
import { Options } from "@/components/ui/options";
import type { ActionResult } from "@/lib/errors";
import type { CategoryDto } from "@/lib/services/public/list-categories";
import type { ContributionForEdit } from "@/lib/services/contributions/get-my-contribution";
import { submitContributionAction } from "./actions";

const BODY_MIN = 100;

/**
 * 投稿表单. Plain text on purpose: contributors never get the staff editor or HTML; editors
 * format the piece during review. A refused submission keeps what was typed (submitKeepingValues).
 * Control ids are the field names, so an error reads `#body-error`.
 */
export function ContributeForm({
  categories,
  initial,
  resubmit,
}: {
  categories: CategoryDto[];
  /** 修改投稿 (app/(public)/me/contributions/[id]/edit): a returned contribution, prefilled */
  initial?: ContributionForEdit;
  resubmit?: (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>;
}) {
  const hydrated = useHydrated();
  const [state, action, pending] = useActionState(resubmit ?? submitContributionAction, null);
  const [bodyLength, setBodyLength] = useState([...(initial?.body.trim() ?? "")].length);
  const [isTranslation, setIsTranslation] = useState(Boolean(initial?.sourceUrl));
  const errors = state && !state.ok ? (state.error.fieldErrors ?? {}) : {};
  const first = (name: string) => errors[name]?.slice(0, 1);
  const field = inputClass();

  return (
    <form
      onSubmit={submitKeepingValues(action)}
      className="space-y-5 rounded-lg bg-white p-5 shadow-sm sm:p-6"
      data-testid="contribute-form"
      noValidate
    >
      {state && !state.ok && <FormAlert tone="error">{state.error.message}</FormAlert>}
      {initial && <input type="hidden" name="id" value={initial.id} />}
      {initial && <input type="hidden" name="version" value={initial.version} />}
      <Field id="title" name="title" label="标题" errors={first("title")}>
        {(p) => <input {...p} required maxLength={200} defaultValue={initial?.title} className={field} />}
      </Field>
      <Field id="categoryId" name="categoryId" label="栏目" errors={first("categoryId")}>
        {(p) => (
          <select {...p} required defaultValue={initial?.categoryId ?? ""} className={field}>
            <Options placeholder="请选择栏目" items={categories.map((c) => [c.id, c.name] as const)} />
          </select>
        )}
      </Field>
      <Field id="lede" name="lede" label="导语" note="（一两句话概括全文，10–300 字）" errors={first("lede")}>
        {(p) => (
          <textarea {...p} rows={2} required maxLength={300} defaultValue={initial?.lede} className={field} />
        )}
      </Field>
      <Field
        id="body"
        name="body"
        label="正文"
        note={`（空一行分段，至少 ${BODY_MIN} 字）`}
        errors={first("body")}
        describedBy="body-count"
      >
        {(p) => (
          <>
            <textarea
              {...p}
              rows={14}
              required
              maxLength={20000}
              defaultValue={initial?.body}
              onChange={(e) => setBodyLength([...e.target.value.trim()].length)}
              className={`${field} leading-7`}
            />
            <p id="body-count" className="text-xs text-ink-600" aria-live="polite">
              已输入 {bodyLength} 字
              {bodyLength > 0 && bodyLength < BODY_MIN ? `，还需 ${BODY_MIN - bodyLength} 字` : ""}
            </p>
          </>
        )}
      </Field>
      <fieldset>
        <legend className="sr-only">稿件类型</legend>
        <label className="flex items-center gap-2 text-ink-900">
          <input
            type="checkbox"
            checked={isTranslation}
            onChange={(e) => setIsTranslation(e.target.checked)}
          />
          这是一篇英文文章的译文
        </label>
        {isTranslation && (
          <Field
            id="sourceUrl"
            name="sourceUrl"
            label="原文链接"
            errors={first("sourceUrl")}
            className="mt-3"
          >
            {(p) => (
              <input
                {...p}
                type="url"
                inputMode="url"
                maxLength={2048}
                placeholder="https://"
                defaultValue={initial?.sourceUrl ?? undefined}
                className={field}
              />
            )}
          </Field>
        )}
      </fieldset>
      {initial && (
        <Field
          id="note"
          name="note"
          label="给编辑的附言"
          note="（选填，说明改了哪些地方）"
          errors={first("note")}
        >
          {(p) => <textarea {...p} rows={2} maxLength={1000} className={field} />}
        </Field>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending || !hydrated} className={largePrimaryButton}>
          {pending ? "正在提交…" : initial ? "重新提交" : "提交投稿"}
        </button>
        <p className="text-sm text-ink-600">提交后由编辑审核，你可以在“我的投稿”里查看进度。</p>
      </div>
    </form>
  );
}
