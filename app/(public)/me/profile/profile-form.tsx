"use client";

import { useHydrated } from "@/components/ui/use-hydrated";
import { useActionState } from "react";
import { largePrimaryButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormField } from "@/components/ui/form-field";
import { FormAlert } from "@/components/ui/form-alert";
import { inputClass } from "@/components/ui/input";
import { submitKeepingValues } from "@/components/ui/submit-keeping-values";
import type { ProfileView } from "@/lib/services/profile/update-profile";
import { updateProfileAction } from "./actions";

/** A refused save keeps what was typed (submitKeepingValues). */
export function ProfileForm({ profile }: { profile: ProfileView }) {
  const hydrated = useHydrated();
  const [state, action, pending] = useActionState(updateProfileAction, null);
  const errors = state && !state.ok ? (state.error.fieldErrors ?? {}) : {};
  const first = (name: string) => errors[name]?.slice(0, 1);
  const current = state?.ok ? state.data : profile;
  return (
    <form
      onSubmit={submitKeepingValues(action)}
      className="space-y-5 rounded-lg bg-white p-5 shadow-sm sm:p-6"
      data-testid="profile-form"
      noValidate
    >
      {state && !state.ok && <FormAlert tone="error">{state.error.message}</FormAlert>}
      {state?.ok && <FormAlert tone="success">个人资料已保存。</FormAlert>}
      <FormField
        id="p-name"
        name="displayName"
        label="显示名称"
        note="（2–32 字，显示在署名和评论旁）"
        size="md"
        required
        maxLength={32}
        defaultValue={profile.displayName}
        errors={first("displayName")}
      />
      <Field
        id="p-bio"
        label="个人简介"
        note="（选填，最多 500 字；留空则作者页不显示简介）"
        errors={first("bio")}
      >
        {(p) => (
          <textarea
            {...p}
            name="bio"
            rows={4}
            maxLength={500}
            defaultValue={profile.bio}
            className={inputClass()}
          />
        )}
      </Field>
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-ink-900">头像</legend>
        <div className="flex flex-wrap items-center gap-4">
          {current.avatarUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- a 256 px WebP of our own
            <img
              src={current.avatarUrl}
              alt="当前头像"
              width={64}
              height={64}
              className="h-16 w-16 rounded-full object-cover"
              data-testid="current-avatar"
            />
          ) : (
            <span className="flex h-16 w-16 items-center justify-center rounded-full bg-slate-200 text-sm text-ink-600">
              无头像
            </span>
          )}
          <Field
            id="p-avatar"
            label="上传新头像（JPEG、PNG、GIF 或 WebP，不超过 900 KB，将裁成正方形）"
            errors={first("avatar")}
          >
            {(p) => (
              <>
                <input
                  {...p}
                  name="avatar"
                  type="file"
                  accept="image/jpeg,image/png,image/gif,image/webp"
                  className="block text-sm"
                />
                {current.avatarUrl && (
                  <label className="flex items-center gap-2 text-sm text-ink-900">
                    <input type="checkbox" name="removeAvatar" value="on" /> 移除头像
                  </label>
                )}
              </>
            )}
          </Field>
        </div>
      </fieldset>
      <button type="submit" disabled={pending || !hydrated} className={largePrimaryButton}>
        {pending ? "正在保存…" : "保存"}
      </button>
    </form>
  );
}
