"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef } from "react";
import type { ActionResult, FieldErrors } from "@/lib/errors";

type FormAction<T> = (prev: unknown, form: FormData) => Promise<ActionResult<T>>;

/**
 * The state of a <form> bound to a secureFormAction: on success the server components refresh
 * (lists and details show the change) and, for a "new …" form, the fields clear; on failure the
 * error alert takes focus, so a keyboard or screen-reader user hears what went wrong.
 */
export function useActionForm<T>(action: FormAction<T>, { resetOnSuccess = false } = {}) {
  const [state, formAction, pending] = useActionState(action, null);
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state?.ok) {
      if (resetOnSuccess) formRef.current?.reset();
      router.refresh();
    } else if (state) alertRef.current?.focus();
  }, [state, router, resetOnSuccess]);
  const fieldErrors: FieldErrors = state && !state.ok ? (state.error.fieldErrors ?? {}) : {};
  return { state, formAction, pending, formRef, alertRef, fieldErrors };
}
