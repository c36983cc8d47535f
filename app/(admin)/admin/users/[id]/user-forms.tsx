"use client";

import { useState } from "react";
import type { Role, UserStatus } from "@/lib/generated/prisma/enums";
import { ROLE_LABELS } from "@/lib/labels";
import { ActionForm } from "../../action-form";
import { dangerButton, primaryButton, secondaryButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { staffInputClass } from "@/components/ui/input";
import { Options } from "@/components/ui/options";
import {
  changeUserRoleAction,
  forceSignOutAction,
  reactivateUserAction,
  suspendUserAction,
} from "../actions";

export function RoleForm({ userId, role }: { userId: string; role: Role }) {
  return (
    <ActionForm
      action={changeUserRoleAction}
      submitLabel="保存角色"
      successMessage="角色已修改，对方需要重新登录。"
      submitClass={primaryButton}
    >
      <input type="hidden" name="userId" value={userId} />
      <Field id="user-role" label="角色">
        {(p) => (
          <select {...p} name="role" defaultValue={role} className={`${staffInputClass} max-w-xs`}>
            <Options items={Object.entries(ROLE_LABELS)} />
          </select>
        )}
      </Field>
    </ActionForm>
  );
}

/** 停用 / 恢复: the reason form opens from a button, so the action is never one stray click. */
export function StatusForm({ userId, status }: { userId: string; status: UserStatus }) {
  const [open, setOpen] = useState(false);
  const suspending = status === "ACTIVE";
  const label = suspending ? "停用账号" : "恢复账号";
  if (!open) {
    return (
      <button
        type="button"
        className={suspending ? dangerButton : primaryButton}
        onClick={() => setOpen(true)}
        aria-expanded={false}
      >
        {label}
      </button>
    );
  }
  return (
    <ActionForm
      action={suspending ? suspendUserAction : reactivateUserAction}
      submitLabel={`确认${label}`}
      successMessage={suspending ? "账号已停用，对方的登录会在一分钟内失效。" : "账号已恢复。"}
      submitClass={suspending ? dangerButton : primaryButton}
    >
      <input type="hidden" name="userId" value={userId} />
      <Field
        id="user-reason"
        label={suspending ? "停用原因（必填，会记录在审计日志中）" : "恢复原因（必填）"}
      >
        {(p) => (
          <textarea
            {...p}
            name="reason"
            required
            minLength={2}
            maxLength={500}
            rows={3}
            className={staffInputClass}
            autoFocus
          />
        )}
      </Field>
      <button type="button" className={`${secondaryButton} mt-2`} onClick={() => setOpen(false)}>
        取消
      </button>
    </ActionForm>
  );
}

export function SignOutForm({ userId }: { userId: string }) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className={secondaryButton} onClick={() => setConfirming(true)}>
        强制下线
      </button>
    );
  }
  return (
    <ActionForm
      action={forceSignOutAction}
      submitLabel="确认强制下线"
      successMessage="已强制下线，对方所有设备的登录会在一分钟内失效。"
      submitClass={dangerButton}
    >
      <input type="hidden" name="userId" value={userId} />
      <p className="text-sm text-ink-600">对方在所有设备上的登录都会失效，需要重新登录。</p>
      <button type="button" className={`${secondaryButton} mt-2`} onClick={() => setConfirming(false)}>
        取消
      </button>
    </ActionForm>
  );
}
