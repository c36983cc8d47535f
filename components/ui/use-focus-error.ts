"use client";

import { useEffect, type RefObject } from "react";

/**
 * After a failed submit, move keyboard focus to the first invalid field, or to the form-level
 * alert when no single field is at fault, so keyboard and screen-reader users land on the problem.
 * `state` is the form's latest result: a new object after every submit re-runs the effect.
 */
export function useFocusError(
  state: { error?: unknown },
  form: RefObject<HTMLFormElement | null>,
  alert: RefObject<HTMLDivElement | null>,
) {
  useEffect(() => {
    if (!state.error) return;
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? alert.current)?.focus();
  }, [state, form, alert]);
}
