"use client";

import { useActionState, useRef } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { FormField } from "@/components/ui/form-field";
import { INITIAL_AUTH_STATE, viewOf } from "@/app/(auth)/form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusError } from "@/components/ui/use-focus-error";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm({ minLength, changed }: { minLength: number; changed: boolean }) {
  const [result, formAction, pending] = useActionState(changePasswordAction, INITIAL_AUTH_STATE);
  const state = viewOf(result);
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  useFocusError(state, formRef, alertRef);
  const fieldErrors = state.error?.fieldErrors ?? {};

  return (
    <form ref={formRef} action={formAction} noValidate className="max-w-md space-y-5">
      {state.error ? (
        <FormAlert tone="error" ref={alertRef}>
          {state.error.message}
        </FormAlert>
      ) : changed ? (
        <FormAlert tone="success">密码已修改。其他设备上的登录已全部退出，当前浏览器保持登录。</FormAlert>
      ) : null}
      <FormField
        name="currentPassword"
        label="当前密码"
        type="password"
        autoComplete="current-password"
        errors={fieldErrors.currentPassword}
        required
      />
      <FormField
        name="newPassword"
        label="新密码"
        type="password"
        autoComplete="new-password"
        hint={`${minLength}–128 个字符，可以使用空格；不能是常见密码，也不能包含站点名或邮箱。`}
        errors={fieldErrors.newPassword}
        required
      />
      <SubmitButton pending={pending} label="修改密码" pendingLabel="保存中…" />
    </form>
  );
}
