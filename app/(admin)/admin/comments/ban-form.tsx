"use client";

import { dangerButton, secondaryButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { staffInputClass } from "@/components/ui/input";
import { Options } from "@/components/ui/options";
import { BAN_PERIOD_LABELS } from "@/lib/services/moderation/ban-periods";
import { ActionForm } from "../action-form";
import { banCommenterAction } from "./actions";

/**
 * 禁言: period and a required reason (the reader sees it when trying to post). Used from a queue
 * row and from the user's admin page; the account itself stays active.
 */
export function BanForm({
  userId,
  displayName,
  onClose,
}: {
  userId: string;
  displayName: string;
  onClose?: () => void;
}) {
  const id = `ban-${userId}`;
  return (
    <ActionForm
      action={banCommenterAction}
      submitLabel="确认禁言"
      successMessage={`已禁言 ${displayName}。`}
      submitClass={dangerButton}
      testId="ban-form"
    >
      <input type="hidden" name="userId" value={userId} />
      <p className="mb-2 text-sm">
        禁止 <strong>{displayName}</strong> 发表评论（不影响登录和阅读）。
      </p>
      <div className="grid gap-3 sm:grid-cols-[10rem_1fr]">
        <Field id={`${id}-period`} label="禁言时长">
          {(p) => (
            <select {...p} name="period" defaultValue="7d" className={staffInputClass}>
              <Options items={Object.entries(BAN_PERIOD_LABELS)} />
            </select>
          )}
        </Field>
        <Field id={`${id}-reason`} label="原因（必填，读者发评论时会看到）" note="最多 500 字">
          {(p) => (
            <textarea
              {...p}
              name="reason"
              required
              maxLength={500}
              rows={2}
              className={staffInputClass}
              autoFocus
            />
          )}
        </Field>
      </div>
      {onClose && (
        <button type="button" className={`${secondaryButton} mt-2`} onClick={onClose}>
          取消
        </button>
      )}
    </ActionForm>
  );
}
