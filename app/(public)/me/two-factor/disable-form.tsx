"use client";

import { quietDangerButton } from "@/components/ui/button";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/errors";
import { disableTwoFactorAction } from "./actions";
import { CodeField } from "./code-field";

/** Turning 2FA off needs a current code (or recovery code), or the password. */
export function DisableForm() {
  const [state, action, pending] = useActionState(disableTwoFactorAction, null as ActionResult<void> | null);
  const error = state && !state.ok ? state.error : null;
  return (
    <details className="mt-5 border-t border-slate-100 pt-4">
      <summary className="cursor-pointer text-sm text-red-700">关闭两步验证</summary>
      <form action={action} className="mt-3 space-y-3" noValidate>
        <p className="text-sm text-ink-600">
          为确认是你本人，请填写当前动态口令（或一个恢复码），或者填写账号密码。
        </p>
        <CodeField
          name="code"
          label="动态口令或恢复码"
          error={error?.fieldErrors?.code?.[0] ?? (error?.fieldErrors ? null : error?.message)}
        />
        <CodeField name="password" label="或者：账号密码" type="password" />
        <button
          type="submit"
          disabled={pending}
          aria-busy={pending || undefined}
          className={quietDangerButton}
        >
          {pending ? "处理中…" : "关闭两步验证"}
        </button>
      </form>
    </details>
  );
}
