"use client";

import Link from "next/link";
import { useActionState, useRef } from "react";
import { CaptchaField } from "@/components/site/captcha-field";
import { FormAlert } from "@/components/ui/form-alert";
import { FormField } from "@/components/ui/form-field";
import { INITIAL_AUTH_STATE, viewOf } from "../form-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusError } from "@/components/ui/use-focus-error";
import { loginAction } from "./actions";

export function LoginForm({
  next,
  registered,
  reset,
}: {
  next: string;
  registered: boolean;
  reset?: boolean;
}) {
  const [result, formAction, pending] = useActionState(loginAction, INITIAL_AUTH_STATE);
  const state = viewOf(result);
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  useFocusError(state, formRef, alertRef);
  const fieldErrors = state.error?.fieldErrors ?? {};
  const registerHref = next === "/" ? "/register" : `/register?next=${encodeURIComponent(next)}`;

  return (
    <form ref={formRef} action={formAction} noValidate className="space-y-5">
      {state.error ? (
        <FormAlert tone="error" ref={alertRef}>
          {state.error.message}
        </FormAlert>
      ) : registered ? (
        <FormAlert tone="success">注册成功，请登录。</FormAlert>
      ) : reset ? (
        <FormAlert tone="success">密码已重置，请用新密码登录。</FormAlert>
      ) : null}
      <input type="hidden" name="next" value={next} />
      <FormField
        name="email"
        label="邮箱"
        type="email"
        autoComplete="username"
        defaultValue={state.values?.email}
        errors={fieldErrors.email}
        required
      />
      <FormField
        name="password"
        label="密码"
        type="password"
        autoComplete="current-password"
        errors={fieldErrors.password}
        required
      />
      {state.needsOtp ? (
        <FormField
          name="otp"
          label="动态口令"
          autoComplete="one-time-code"
          hint="身份验证器中的 6 位数字；手机不在身边时，可填一个恢复码。"
          errors={fieldErrors.otp}
          required
        />
      ) : null}
      {state.needsCaptcha ? <CaptchaField round={result} errors={fieldErrors.captchaAnswer} /> : null}
      <p className="-mt-2 text-right text-sm">
        <Link href="/forgot-password" className="text-brand-600 hover:underline">
          忘记密码？
        </Link>
      </p>
      <SubmitButton pending={pending} label="登录" pendingLabel="登录中…" />
      <p className="text-center text-sm text-ink-600">
        还没有账号？
        <Link href={registerHref} className="font-medium text-brand-600 hover:underline">
          立即注册
        </Link>
      </p>
    </form>
  );
}
