"use client";

import { useHydrated } from "@/components/ui/use-hydrated";
import type { ReactNode } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { submitKeepingValues } from "@/components/ui/submit-keeping-values";
import type { ActionResult } from "@/lib/errors";
import { useActionForm } from "./use-action-form";

type FormAction = (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>;

type Props = {
  action: FormAction;
  children: ReactNode;
  submitLabel: string;
  pendingLabel?: string;
  successMessage?: string;
  submitClass: string;
  className?: string;
  testId?: string;
  /** clear the fields after a success (a "new …" form) */
  resetOnSuccess?: boolean;
};

/**
 * A <form> bound to a secureFormAction: shows the zh-CN error (and field errors) or a success
 * note, and refreshes the server components on success so lists and details show the change.
 * An admin keeps what they typed when the server refuses it (submitKeepingValues).
 */
export function ActionForm({
  action,
  children,
  submitLabel,
  pendingLabel = "处理中…",
  successMessage = "已保存。",
  submitClass,
  className,
  testId,
  resetOnSuccess,
}: Props) {
  const hydrated = useHydrated();
  const {
    state,
    formAction,
    pending,
    formRef,
    alertRef,
    fieldErrors: byField,
  } = useActionForm(action, {
    resetOnSuccess,
  });
  const fieldErrors = Object.values(byField).flat();
  return (
    <form
      ref={formRef}
      method="post"
      onSubmit={submitKeepingValues(formAction)}
      className={className}
      data-testid={testId}
      noValidate
    >
      {children}
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending || !hydrated} className={submitClass}>
          {pending ? pendingLabel : submitLabel}
        </button>
        <div aria-live="polite" className="text-sm">
          {state?.ok && <span className="text-green-700">{successMessage}</span>}
        </div>
      </div>
      {state && !state.ok && (
        <div className="mt-3">
          <FormAlert tone="error" ref={alertRef}>
            <p>{state.error.message}</p>
            {fieldErrors.length > 0 && (
              <ul className="mt-1 list-disc pl-5">
                {fieldErrors.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            )}
          </FormAlert>
        </div>
      )}
    </form>
  );
}
