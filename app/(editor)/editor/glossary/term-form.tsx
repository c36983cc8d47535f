"use client";

import { useHydrated } from "@/components/ui/use-hydrated";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, useState, type KeyboardEvent } from "react";
import { primaryButton, secondaryButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { FormField } from "@/components/ui/form-field";
import { staffInputClass } from "@/components/ui/input";
import { submitKeepingValues } from "@/components/ui/submit-keeping-values";
import type { ActionResult } from "@/lib/errors";
import type { GlossaryTermRow } from "@/lib/services/glossary/list-terms";

type Props = {
  action: (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>;
  term?: GlossaryTermRow;
  idPrefix: string;
  submitLabel: string;
  /** after a success (closes an edit form); without it the form is cleared for the next term */
  onDone?: () => void;
  onCancel?: () => void;
};

/** 英文术语 / 译法 / 变体 / 备注 / 不译: the add form and the edit form. Escape cancels an edit. */
export function TermForm({ action, term, idPrefix, submitLabel, onDone, onCancel }: Props) {
  const hydrated = useHydrated();
  const [state, formAction, pending] = useActionState(action, null);
  const [isDnt, setDnt] = useState(term?.doNotTranslate ?? false);
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!state) return;
    if (!state.ok) return alertRef.current?.focus();
    router.refresh();
    if (onDone) onDone();
    else {
      formRef.current?.reset();
      formRef.current?.querySelector<HTMLInputElement>("input[name=source]")?.focus();
    }
  }, [state, router, onDone]);
  const errors = state && !state.ok ? (state.error.fieldErrors ?? {}) : {};
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape" && onCancel) onCancel();
  };
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <form
      ref={formRef}
      method="post"
      onSubmit={submitKeepingValues(formAction)}
      onKeyDown={onKeyDown}
      onReset={() => setDnt(term?.doNotTranslate ?? false)}
      noValidate
    >
      {term && <input type="hidden" name="id" value={term.id} />}
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField
          size="sm"
          id={id("source")}
          name="source"
          label="英文术语"
          required
          maxLength={200}
          defaultValue={term?.source}
          errors={errors.source}
          autoFocus={Boolean(term)}
          placeholder="例如 ransomware"
        />
        <FormField
          size="sm"
          id={id("target")}
          name="target"
          label="译法"
          note={isDnt ? "（不译条目保留原文）" : undefined}
          maxLength={200}
          defaultValue={term?.target}
          errors={errors.target}
          disabled={isDnt}
          placeholder="例如 勒索软件"
        />
        <Field id={id("variants")} label="变体" note="（每行一个：复数、其他拼写）" errors={errors.variants}>
          {(p) => (
            <textarea
              {...p}
              name="variants"
              rows={2}
              defaultValue={term?.variants.join("\n")}
              className={staffInputClass}
            />
          )}
        </Field>
        <Field id={id("note")} label="备注" note="（选填，最多 500 字）" errors={errors.note}>
          {(p) => (
            <textarea
              {...p}
              name="note"
              rows={2}
              maxLength={500}
              defaultValue={term?.note}
              className={staffInputClass}
            />
          )}
        </Field>
        <label className="flex items-start gap-2 text-sm sm:col-span-2">
          <input
            type="checkbox"
            name="doNotTranslate"
            defaultChecked={term?.doNotTranslate}
            onChange={(e) => setDnt(e.target.checked)}
            className="mt-1"
          />
          <span>
            不译
            <span className="block text-xs text-ink-600">
              恶意软件、威胁组织和产品名称保留英文原文，译文中必须原样出现。
            </span>
          </span>
        </label>
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending || !hydrated} className={primaryButton}>
          {pending ? "保存中…" : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className={secondaryButton} onClick={onCancel}>
            取消
          </button>
        )}
        <div aria-live="polite" className="text-sm">
          {state?.ok && !onDone && <span className="text-green-700">已添加。</span>}
        </div>
      </div>
      {state && !state.ok && (
        <div className="mt-3">
          <FormAlert tone="error" ref={alertRef}>
            {state.error.message}
          </FormAlert>
        </div>
      )}
    </form>
  );
}
