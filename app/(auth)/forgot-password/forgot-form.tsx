"use client";

import Link from "next/link";
import { useActionState, useRef } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { FormField } from "@/components/ui/form-field";
import { INITIAL_AUTH_STATE, viewOf } from "../form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusError } from "@/components/ui/use-focus-error";
import { forgotPasswordAction } from "./actions";

export function ForgotForm() {
  const [result, formAction, pending] = useActionState(forgotPasswordAction, INITIAL_AUTH_STATE);
  const state = viewOf(result);
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  useFocusError(state, formRef, alertRef);

  return (
    <form ref={formRef} action={formAction} noValidate className="space-y-5">
      {state.error ? (
        <FormAlert tone="error" ref={alertRef}>
          {state.error.message}
        </FormAlert>
      ) : state.notice ? (
        <FormAlert tone="success">{state.notice}</FormAlert>
      ) : null}
      <FormField
        name="email"
        label="邮箱"
        type="email"
        autoComplete="email"
        defaultValue={state.values?.email}
        errors={state.error?.fieldErrors?.email}
        hint="填写注册时使用的邮箱，我们会发送一个 30 分钟内有效的重置链接。"
        required
      />
      <SubmitButton pending={pending} label="发送重置链接" pendingLabel="发送中…" />
      <p className="text-center text-sm text-ink-600">
        想起来了？
        <Link href="/login" className="font-medium text-brand-600 hover:underline">
          返回登录
        </Link>
      </p>
    </form>
  );
}
