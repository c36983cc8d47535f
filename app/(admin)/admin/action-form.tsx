"use client";

import { useRouter } from "next/navigation";
import { startTransition, useActionState, useEffect, useRef, type FormEvent, type ReactNode } from "react";
import type { ActionResult } from "@/lib/errors";

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
 * Submitted through onSubmit rather than `action=`, because React resets an action form after
 * every submission and an admin would lose what they typed when the server refuses it.
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
  const [state, formAction, pending] = useActionState(action, null);
  const router = useRouter();
  const alertRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) {
      if (resetOnSuccess) formRef.current?.reset();
      router.refresh();
    } else if (state) alertRef.current?.focus();
  }, [state, router, resetOnSuccess]);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => formAction(data));
  };
  const fieldErrors = state && !state.ok ? Object.values(state.error.fieldErrors ?? {}).flat() : [];
  return (
    <form
      ref={formRef}
      method="post"
      onSubmit={onSubmit}
      className={className}
      data-testid={testId}
      noValidate
    >
      {children}
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={submitClass}>
          {pending ? pendingLabel : submitLabel}
        </button>
        <div aria-live="polite" className="text-sm">
          {state?.ok && <span className="text-green-700">{successMessage}</span>}
        </div>
      </div>
      {state && !state.ok && (
        <div
          ref={alertRef}
          tabIndex={-1}
          role="alert"
          className="mt-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800"
        >
          <p>{state.error.message}</p>
          {fieldErrors.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {fieldErrors.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
