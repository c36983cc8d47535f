"use client";

import Link from "next/link";
import { CaptchaField } from "@/components/site/captcha-field";
import { FormField } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { AuthForm, EmailField, SwitchLink } from "../auth-form";
import { loginAction } from "./actions";

export function LoginForm({
  next,
  registered,
  reset,
  registrationOpen = true,
}: {
  next: string;
  registered: boolean;
  reset?: boolean;
  /** 站点设置 关闭注册: the 注册 link says so instead of leading to a page without a form */
  registrationOpen?: boolean;
}) {
  const notice = registered ? "注册成功，请登录。" : reset ? "密码已重置，请用新密码登录。" : null;
  return (
    <AuthForm action={loginAction} notice={notice}>
      {(view) => (
        <>
          <input type="hidden" name="next" value={next} />
          <EmailField view={view} autoComplete="username" />
          <FormField
            name="password"
            label="密码"
            type="password"
            autoComplete="current-password"
            errors={view.fieldErrors.password}
            required
          />
          {view.state.needsOtp ? (
            <FormField
              name="otp"
              label="动态口令"
              autoComplete="one-time-code"
              hint="身份验证器中的 6 位数字；手机不在身边时，可填一个恢复码。"
              errors={view.fieldErrors.otp}
              required
            />
          ) : null}
          {view.state.needsCaptcha ? (
            <CaptchaField round={view.result} errors={view.fieldErrors.captchaAnswer} />
          ) : null}
          <p className="-mt-2 text-right text-sm">
            <Link href="/forgot-password" className="text-brand-600 hover:underline">
              忘记密码？
            </Link>
          </p>
          <SubmitButton pending={view.pending} label="登录" pendingLabel="登录中…" />
          {registrationOpen ? (
            <SwitchLink question="还没有账号？" label="立即注册" path="/register" next={next} />
          ) : (
            <p className="text-center text-sm text-ink-600">本站暂停开放注册。</p>
          )}
        </>
      )}
    </AuthForm>
  );
}
