"use client";

import { useActionState, useRef } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { FormField } from "@/components/ui/form-field";
import { INITIAL_AUTH_STATE, viewOf } from "../form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusError } from "@/components/ui/use-focus-error";
import { resetPasswordAction } from "./actions";

export function ResetForm({ token }: { token: string }) {
  const [result, formAction, pending] = useActionState(resetPasswordAction, INITIAL_AUTH_STATE);
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
      ) : null}
      <input type="hidden" name="token" value={token} />
      <FormField
        name="password"
        label="新密码"
        type="password"
        autoComplete="new-password"
        hint="至少 10 个字符（编辑部成员 12 个），最多 128 个，可以使用空格；不能是常见密码，也不能包含站点名或邮箱。"
        errors={state.error?.fieldErrors?.password}
        required
      />
      <SubmitButton pending={pending} label="设置新密码" pendingLabel="保存中…" />
    </form>
  );
}
