"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import type { CategoryDto } from "@/lib/services/public/list-categories";
import { submitContributionAction } from "./actions";

const field = "w-full rounded border border-slate-300 bg-white px-3 py-2 text-[15px] focus:border-brand-500 focus:outline-none";
const BODY_MIN = 100;

function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700">
      {messages[0]}
    </p>
  );
}

/**
 * 投稿表单. Plain text on purpose: contributors never get the staff editor or HTML; editors
 * format the piece during review. Submitted through onSubmit rather than `<form action>`: React
 * resets a form after every action, and a refused submission must keep what was typed.
 */
export function ContributeForm({ categories }: { categories: CategoryDto[] }) {
  const [state, action, pending] = useActionState(submitContributionAction, null);
  const [bodyLength, setBodyLength] = useState(0);
  const [isTranslation, setIsTranslation] = useState(false);
  const errors = state && !state.ok ? state.error.fieldErrors ?? {} : {};
  const describedBy = (name: string) => (errors[name]?.length ? `${name}-error` : undefined);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => action(data));
  };

  return (
    <form onSubmit={submit} className="space-y-5 rounded-lg bg-white p-5 shadow-sm sm:p-6" data-testid="contribute-form" noValidate>
      {state && !state.ok && (
        <p role="alert" className="rounded border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {state.error.message}
        </p>
      )}
      <div>
        <label htmlFor="c-title" className="mb-1 block font-medium text-ink-900">
          标题
        </label>
        <input id="c-title" name="title" required maxLength={200} className={field} aria-invalid={!!errors.title} aria-describedby={describedBy("title")} />
        <FieldError id="title-error" messages={errors.title} />
      </div>
      <div>
        <label htmlFor="c-category" className="mb-1 block font-medium text-ink-900">
          栏目
        </label>
        <select id="c-category" name="categoryId" required defaultValue="" className={field} aria-invalid={!!errors.categoryId} aria-describedby={describedBy("categoryId")}>
          <option value="" disabled>
            请选择栏目
          </option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <FieldError id="categoryId-error" messages={errors.categoryId} />
      </div>
      <div>
        <label htmlFor="c-lede" className="mb-1 block font-medium text-ink-900">
          导语 <span className="text-sm font-normal text-ink-600">（一两句话概括全文，10–300 字）</span>
        </label>
        <textarea id="c-lede" name="lede" rows={2} required maxLength={300} className={field} aria-invalid={!!errors.lede} aria-describedby={describedBy("lede")} />
        <FieldError id="lede-error" messages={errors.lede} />
      </div>
      <div>
        <label htmlFor="c-body" className="mb-1 block font-medium text-ink-900">
          正文 <span className="text-sm font-normal text-ink-600">（空一行分段，至少 {BODY_MIN} 字）</span>
        </label>
        <textarea
          id="c-body"
          name="body"
          rows={14}
          required
          maxLength={20000}
          onChange={(e) => setBodyLength([...e.target.value.trim()].length)}
          className={`${field} leading-7`}
          aria-invalid={!!errors.body}
          aria-describedby={["body-count", describedBy("body")].filter(Boolean).join(" ")}
        />
        <p id="body-count" className="mt-1 text-xs text-ink-600" aria-live="polite">
          已输入 {bodyLength} 字{bodyLength > 0 && bodyLength < BODY_MIN ? `，还需 ${BODY_MIN - bodyLength} 字` : ""}
        </p>
        <FieldError id="body-error" messages={errors.body} />
      </div>
      <fieldset>
        <legend className="sr-only">稿件类型</legend>
        <label className="flex items-center gap-2 text-ink-900">
          <input type="checkbox" checked={isTranslation} onChange={(e) => setIsTranslation(e.target.checked)} />
          这是一篇英文文章的译文
        </label>
        {isTranslation && (
          <div className="mt-3">
            <label htmlFor="c-source" className="mb-1 block font-medium text-ink-900">
              原文链接
            </label>
            <input id="c-source" name="sourceUrl" type="url" inputMode="url" maxLength={2048} placeholder="https://" className={field} aria-invalid={!!errors.sourceUrl} aria-describedby={describedBy("sourceUrl")} />
            <FieldError id="sourceUrl-error" messages={errors.sourceUrl} />
          </div>
        )}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-5 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {pending ? "正在提交…" : "提交投稿"}
        </button>
        <p className="text-sm text-ink-600">提交后由编辑审核，你可以在“我的投稿”里查看进度。</p>
      </div>
    </form>
  );
}
