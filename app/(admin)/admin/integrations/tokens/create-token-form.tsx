"use client";

import { useHydrated } from "@/components/ui/use-hydrated";
import { primaryButton } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { FormField } from "@/components/ui/form-field";
import { staffInputClass } from "@/components/ui/input";
import { submitKeepingValues } from "@/components/ui/submit-keeping-values";
import { SCOPE_LABELS, TOKEN_SCOPES } from "@/lib/services/api-tokens/scopes";
import { useActionForm } from "../../use-action-form";
import { SecretOnce } from "../secret-once";
import { createTokenAction } from "./actions";

const EXPIRY = [
  { value: "90", label: "90 天" },
  { value: "30", label: "30 天" },
  { value: "365", label: "1 年" },
  { value: "", label: "永不过期（直到撤销）" },
] as const;

/**
 * 新建 API 令牌. On success the secret is shown here, once: only its hash is stored, so no page
 * can show it again; the admin copies it into the integration now.
 */
export function CreateTokenForm() {
  const hydrated = useHydrated();
  const { state, formAction, pending, formRef, alertRef, fieldErrors } = useActionForm(createTokenAction, {
    resetOnSuccess: true,
  });
  return (
    <form
      ref={formRef}
      method="post"
      onSubmit={submitKeepingValues(formAction)}
      aria-label="新建 API 令牌"
      className="space-y-3"
      noValidate
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField
          size="sm"
          name="name"
          label="名称"
          hint="写清楚用途，例如“微信公众号同步”。"
          required
          maxLength={80}
          errors={fieldErrors.name}
        />
        <label className="block text-sm">
          <span className="mb-1 block font-medium">有效期</span>
          <select name="expiresInDays" defaultValue="90" className={staffInputClass}>
            {EXPIRY.map((e) => (
              <option key={e.value} value={e.value}>
                {e.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="space-y-1">
        <legend className="mb-1 text-sm font-medium">权限范围</legend>
        {TOKEN_SCOPES.map((s) => (
          <label key={s} htmlFor={`scope-${s}`} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              id={`scope-${s}`}
              name="scopes"
              value={s}
              defaultChecked={s === "articles:read"}
            />
            <span>{SCOPE_LABELS[s]}</span>
            <code className="text-xs text-ink-600">{s}</code>
          </label>
        ))}
        {fieldErrors.scopes && <p className="text-sm text-red-700">{fieldErrors.scopes[0]}</p>}
      </fieldset>
      <button type="submit" disabled={pending || !hydrated} className={primaryButton}>
        {pending ? "创建中…" : "创建令牌"}
      </button>
      {state && !state.ok && (
        <FormAlert tone="error" ref={alertRef}>
          <p>{state.error.message}</p>
        </FormAlert>
      )}
      {state?.ok && (
        <SecretOnce secret={state.data.secret} testId="token-secret">
          令牌已创建。它只显示这一次，请现在复制并妥善保存（在请求头中发送 Authorization: Bearer 令牌）：
        </SecretOnce>
      )}
    </form>
  );
}
