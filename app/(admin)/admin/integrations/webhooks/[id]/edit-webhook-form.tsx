"use client";

import { primaryButton } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { ActionForm } from "../../../action-form";
import { updateWebhookAction } from "../actions";
import { EventCheckboxes } from "../event-checkboxes";

type Hook = { id: string; name: string; url: string; events: string[]; active: boolean };

/** 修改 Webhook: name, address (checked again), events and 启用. The secret is not shown or changed. */
export function EditWebhookForm({ hook }: { hook: Hook }) {
  return (
    <ActionForm
      action={updateWebhookAction}
      submitLabel="保存"
      successMessage="已保存。"
      submitClass={primaryButton}
    >
      <input type="hidden" name="id" value={hook.id} />
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField
          size="sm"
          id="wh-name"
          name="name"
          label="名称"
          required
          maxLength={80}
          defaultValue={hook.name}
        />
        <FormField
          size="sm"
          id="wh-url"
          name="url"
          type="url"
          label="接收地址"
          required
          maxLength={2000}
          defaultValue={hook.url}
        />
      </div>
      <div className="mt-3 space-y-3">
        <EventCheckboxes idPrefix="wh-edit" checked={hook.events} />
        <label htmlFor="wh-active" className="flex items-center gap-2 text-sm">
          <input type="checkbox" id="wh-active" name="active" defaultChecked={hook.active} />
          启用（停用后不再发送新事件，等待中的重试也会停止）
        </label>
      </div>
    </ActionForm>
  );
}
