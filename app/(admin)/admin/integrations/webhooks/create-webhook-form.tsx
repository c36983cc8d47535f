"use client";

import { useHydrated } from "@/components/ui/use-hydrated";
import { primaryButton } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { FormField } from "@/components/ui/form-field";
import { submitKeepingValues } from "@/components/ui/submit-keeping-values";
import { useActionForm } from "../../use-action-form";
import { SecretOnce } from "../secret-once";
import { createWebhookAction } from "./actions";
import { EventCheckboxes } from "./event-checkboxes";

/**
 * 新建 Webhook. On success the signing secret is shown here, once: it is stored sealed and no page
 * shows it again, so the admin copies it into the receiver now.
 */
export function CreateWebhookForm() {
  const hydrated = useHydrated();
  const { state, formAction, pending, formRef, alertRef, fieldErrors } = useActionForm(createWebhookAction, {
    resetOnSuccess: true,
  });
  return (
    <form
      ref={formRef}
      method="post"
      onSubmit={submitKeepingValues(formAction)}
      aria-label="新建 Webhook"
      className="space-y-3"
      noValidate
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField size="sm" name="name" label="名称" required maxLength={80} errors={fieldErrors.name} />
        <FormField
          size="sm"
          name="url"
          type="url"
          label="接收地址"
          placeholder="https://example.com/hooks/byline"
          hint="只支持 80 和 443 端口的公网地址；内网、本机和云元数据地址会被拒绝。"
          required
          maxLength={2000}
          errors={fieldErrors.url}
        />
      </div>
      <EventCheckboxes idPrefix="new-webhook" />
      <button type="submit" disabled={pending || !hydrated} className={primaryButton}>
        {pending ? "创建中…" : "创建 Webhook"}
      </button>
      {state && !state.ok && (
        <FormAlert tone="error" ref={alertRef}>
          <p>{state.error.message}</p>
        </FormAlert>
      )}
      {state?.ok && (
        <SecretOnce secret={state.data.secret} testId="webhook-secret">
          已创建「{state.data.name}」。签名密钥只显示这一次，请现在复制到接收端：
        </SecretOnce>
      )}
    </form>
  );
}
