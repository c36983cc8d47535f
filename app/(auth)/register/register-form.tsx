"use client";

import Link from "next/link";
import { useActionState, useRef } from "react";
import { CaptchaField } from "@/components/site/captcha-field";
import { FormAlert } from "@/components/ui/form-alert";
import { FormField } from "@/components/ui/form-field";
import { INITIAL_AUTH_STATE, viewOf } from "../form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusError } from "@/components/ui/use-focus-error";
import { registerAction } from "./actions";

export function RegisterForm({ next }: { next: string }) {
  const [result, formAction, pending] = useActionState(registerAction, INITIAL_AUTH_STATE);
  const state = viewOf(result);
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  useFocusError(state, formRef, alertRef);
  const fieldErrors = state.error?.fieldErrors ?? {};
  const loginHref = next === "/" ? "/login" : `/login?next=${encodeURIComponent(next)}`;

  return (
    <form ref={formRef} action={formAction} noValidate className="space-y-5">
      {state.error ? (
        <FormAlert tone="error" ref={alertRef}>
          {state.error.message}
        </FormAlert>
      ) : null}
      <input type="hidden" name="next" value={next} />
      <FormField
        name="email"
        label="邮箱"
        type="email"
        autoComplete="email"
        defaultValue={state.values?.email}
        errors={fieldErrors.email}
        required
      />
      <FormField
        name="displayName"
        label="昵称"
        autoComplete="nickname"
        hint="显示在评论和个人主页上，最多 32 个字符。"
        defaultValue={state.values?.displayName}
        errors={fieldErrors.displayName}
        required
      />
      <FormField
        name="password"
        label="密码"
        type="password"
        autoComplete="new-password"
        hint="10–128 个字符，可以使用空格；不能是常见密码，也不能包含站点名或邮箱。建议用一句只有你知道的话。"
        errors={fieldErrors.password}
        required
      />
      <CaptchaField round={result} errors={fieldErrors.captchaAnswer} />
      <SubmitButton pending={pending} label="注册" pendingLabel="注册中…" />
      <p className="text-center text-sm text-ink-600">
        已有账号？
        <Link href={loginHref} className="font-medium text-brand-600 hover:underline">
          直接登录
        </Link>
      </p>
    </form>
  );
}
