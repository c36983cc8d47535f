"use client";

import { useEffect, type RefObject } from "react";
import type { AuthFormState } from "./form-state";

/**
 * After a failed submit, move keyboard focus to the first invalid field, or to the form-level
 * alert when no single field is at fault, so keyboard and screen-reader users land on the problem.
 */
export function useFocusError(state: AuthFormState, form: RefObject<HTMLFormElement | null>, alert: RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    if (!state.error) return;
    const invalid = form.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]');
    (invalid ?? alert.current)?.focus();
  }, [state, form, alert]);
}
