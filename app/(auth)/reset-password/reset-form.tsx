"use client";

import { FormField } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { AuthForm } from "../auth-form";
import { resetPasswordAction } from "./actions";

export function ResetForm({ token }: { token: string }) {
  return (
    <AuthForm action={resetPasswordAction}>
      {({ fieldErrors, pending }) => (
        <>
          <input type="hidden" name="token" value={token} />
          <FormField
            name="password"
            label="新密码"
            type="password"
            autoComplete="new-password"
            hint="至少 10 个字符（编辑部成员 12 个），最多 128 个，可以使用空格；不能是常见密码，也不能包含站点名或邮箱。"
            errors={fieldErrors.password}
            required
          />
          <SubmitButton pending={pending} label="设置新密码" pendingLabel="保存中…" />
        </>
      )}
    </AuthForm>
  );
}
