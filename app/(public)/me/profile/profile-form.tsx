"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import type { ProfileView } from "@/lib/services/profile/update-profile";
import { updateProfileAction } from "./actions";

const field = "w-full rounded border border-slate-300 bg-white px-3 py-2 text-[15px] focus:border-brand-500 focus:outline-none";

/** Submitted through onSubmit so a refused save keeps what was typed (React resets action forms). */
export function ProfileForm({ profile }: { profile: ProfileView }) {
  const [state, action, pending] = useActionState(updateProfileAction, null);
  const errors = state && !state.ok ? state.error.fieldErrors ?? {} : {};
  const current = state?.ok ? state.data : profile;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => action(data));
  };
  return (
    <form onSubmit={submit} className="space-y-5 rounded-lg bg-white p-5 shadow-sm sm:p-6" data-testid="profile-form" noValidate>
      {state && !state.ok && (
        <p role="alert" className="rounded border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {state.error.message}
        </p>
      )}
      {state?.ok && (
        <p role="status" className="rounded border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900">
          个人资料已保存。
        </p>
      )}
      <div>
        <label htmlFor="p-name" className="mb-1 block font-medium text-ink-900">
          显示名称 <span className="text-sm font-normal text-ink-600">（2–32 字，显示在署名和评论旁）</span>
        </label>
        <input id="p-name" name="displayName" required maxLength={32} defaultValue={profile.displayName} className={field} aria-invalid={!!errors.displayName} aria-describedby={errors.displayName ? "p-name-error" : undefined} />
        {errors.displayName && <p id="p-name-error" className="mt-1 text-sm text-red-700">{errors.displayName[0]}</p>}
      </div>
      <div>
        <label htmlFor="p-bio" className="mb-1 block font-medium text-ink-900">
          个人简介 <span className="text-sm font-normal text-ink-600">（选填，最多 500 字；留空则作者页不显示简介）</span>
        </label>
        <textarea id="p-bio" name="bio" rows={4} maxLength={500} defaultValue={profile.bio} className={field} aria-invalid={!!errors.bio} aria-describedby={errors.bio ? "p-bio-error" : undefined} />
        {errors.bio && <p id="p-bio-error" className="mt-1 text-sm text-red-700">{errors.bio[0]}</p>}
      </div>
      <fieldset>
        <legend className="mb-1 font-medium text-ink-900">头像</legend>
        <div className="flex flex-wrap items-center gap-4">
          {current.avatarUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- a 256 px WebP of our own
            <img src={current.avatarUrl} alt="当前头像" width={64} height={64} className="h-16 w-16 rounded-full object-cover" data-testid="current-avatar" />
          ) : (
            <span className="flex h-16 w-16 items-center justify-center rounded-full bg-slate-200 text-sm text-ink-600">无头像</span>
          )}
          <div className="space-y-2 text-sm">
            <label htmlFor="p-avatar" className="block text-ink-900">
              上传新头像（JPEG、PNG、GIF 或 WebP，不超过 900 KB，将裁成正方形）
            </label>
            <input id="p-avatar" name="avatar" type="file" accept="image/jpeg,image/png,image/gif,image/webp" aria-invalid={!!errors.avatar} aria-describedby={errors.avatar ? "p-avatar-error" : undefined} />
            {current.avatarUrl && (
              <label className="flex items-center gap-2 text-ink-900">
                <input type="checkbox" name="removeAvatar" value="on" /> 移除头像
              </label>
            )}
            {errors.avatar && <p id="p-avatar-error" className="text-red-700">{errors.avatar[0]}</p>}
          </div>
        </div>
      </fieldset>
      <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-5 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? "正在保存…" : "保存"}
      </button>
    </form>
  );
}
