"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, type ReactNode } from "react";
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
};

/**
 * A <form> bound to a secureFormAction: shows the zh-CN error (and field errors) or a success
 * note, and refreshes the server components on success so lists and details show the change.
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
}: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const router = useRouter();
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state?.ok) router.refresh();
    else if (state) alertRef.current?.focus();
  }, [state, router]);
  const fieldErrors = state && !state.ok ? Object.values(state.error.fieldErrors ?? {}).flat() : [];
  return (
    <form action={formAction} className={className} data-testid={testId} noValidate>
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
