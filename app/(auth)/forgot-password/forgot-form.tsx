"use client";

import { SubmitButton } from "@/components/ui/submit-button";
import { AuthForm, EmailField, SwitchLink } from "../auth-form";
import { forgotPasswordAction } from "./actions";

export function ForgotForm() {
  return (
    <AuthForm action={forgotPasswordAction}>
      {(view) => (
        <>
          <EmailField
            view={view}
            autoComplete="email"
            hint="填写注册时使用的邮箱，我们会发送一个 30 分钟内有效的重置链接。"
          />
          <SubmitButton pending={view.pending} label="发送重置链接" pendingLabel="发送中…" />
          <SwitchLink question="想起来了？" label="返回登录" path="/login" />
        </>
      )}
    </AuthForm>
  );
}
