"use client";

import Link from "next/link";
import { useActionState, useRef, type ReactNode } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { FormField } from "@/components/ui/form-field";
import type { FieldErrors } from "@/lib/errors";
import { useFocusError } from "@/components/ui/use-focus-error";
import { INITIAL_AUTH_STATE, viewOf, type AuthActionState, type AuthFormState } from "./form-state";

type AuthAction = (prev: unknown, form: FormData) => Promise<AuthActionState>;

/** What a form's fields need from the action's latest answer. */
export type AuthFormView = {
  state: AuthFormState;
  fieldErrors: FieldErrors;
  /** changes on every answer: the captcha fetches a new image with it */
  result: AuthActionState;
  pending: boolean;
};

/**
 * The frame every auth form shares: the action's state, the alert on top (the error, else the
 * answer's notice, else `notice`), and focus moved to the first error after a failed submit.
 */
export function AuthForm({
  action,
  notice,
  children,
}: {
  action: AuthAction;
  notice?: ReactNode;
  children: (view: AuthFormView) => ReactNode;
}) {
  const [result, formAction, pending] = useActionState(action, INITIAL_AUTH_STATE);
  const state = viewOf(result);
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  useFocusError(state, formRef, alertRef);
  const shownNotice = state.notice ?? notice;

  return (
    <form ref={formRef} action={formAction} noValidate className="space-y-5">
      {state.error ? (
        <FormAlert tone="error" ref={alertRef}>
          {state.error.message}
        </FormAlert>
      ) : shownNotice ? (
        <FormAlert tone="success">{shownNotice}</FormAlert>
      ) : null}
      {children({ state, fieldErrors: state.error?.fieldErrors ?? {}, result, pending })}
    </form>
  );
}

/** The line under a form that leads to its sibling ("已有账号？直接登录"), keeping `next` when there is one. */
export function SwitchLink({
  question,
  label,
  path,
  next = "/",
}: {
  question: string;
  label: string;
  path: string;
  next?: string;
}) {
  const href = next === "/" ? path : `${path}?next=${encodeURIComponent(next)}`;
  return (
    <p className="text-center text-sm text-ink-600">
      {question}
      <Link href={href} className="font-medium text-brand-600 hover:underline">
        {label}
      </Link>
    </p>
  );
}

/** The 邮箱 field, refilled with what was typed after a failed submit. */
export function EmailField({
  view,
  autoComplete,
  hint,
}: {
  view: AuthFormView;
  autoComplete: "username" | "email";
  hint?: string;
}) {
  return (
    <FormField
      name="email"
      label="邮箱"
      type="email"
      autoComplete={autoComplete}
      defaultValue={view.state.values?.email}
      errors={view.fieldErrors.email}
      hint={hint}
      required
    />
  );
}
