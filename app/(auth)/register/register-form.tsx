"use client";

import { CaptchaField } from "@/components/site/captcha-field";
import { FormField } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { AuthForm, EmailField, SwitchLink } from "../auth-form";
import { registerAction } from "./actions";

export function RegisterForm({ next }: { next: string }) {
  return (
    <AuthForm action={registerAction}>
      {(view) => (
        <>
          <input type="hidden" name="next" value={next} />
          <EmailField view={view} autoComplete="email" />
          <FormField
            name="displayName"
            label="昵称"
            autoComplete="nickname"
            hint="显示在评论和个人主页上，最多 32 个字符。"
            defaultValue={view.state.values?.displayName}
            errors={view.fieldErrors.displayName}
            required
          />
          <FormField
            name="password"
            label="密码"
            type="password"
            autoComplete="new-password"
            hint="10–128 个字符，可以使用空格；不能是常见密码，也不能包含站点名或邮箱。建议用一句只有你知道的话。"
            errors={view.fieldErrors.password}
            required
          />
          <CaptchaField round={view.result} errors={view.fieldErrors.captchaAnswer} />
          <SubmitButton pending={view.pending} label="注册" pendingLabel="注册中…" />
          <SwitchLink question="已有账号？" label="直接登录" path="/login" next={next} />
        </>
      )}
    </AuthForm>
  );
}
