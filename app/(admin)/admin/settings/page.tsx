import type { Metadata } from "next";
import { getSettingsForAdmin } from "@/lib/services/settings/get-settings-for-admin";
import { ActionForm } from "../action-form";
import { adminActor } from "../gate";
import { primaryButton } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormField } from "@/components/ui/form-field";
import { staffInputClass } from "@/components/ui/input";
import { updateSiteSettingsAction } from "./actions";

export const metadata: Metadata = { title: "站点设置" };

const TEXT_FIELDS = [
  { name: "name", label: "站点名称", maxLength: 32, required: true },
  { name: "tagline", label: "站点标语", maxLength: 100, hint: "一句话介绍本站，最多 100 字。" },
  {
    name: "icp",
    label: "ICP 备案号",
    maxLength: 50,
    hint: "显示在每页页脚，链接到工信部备案系统；留空则不显示。",
    placeholder: "京ICP备XXXXXXXX号-1",
  },
  {
    name: "copyright",
    label: "页脚版权信息",
    maxLength: 100,
    hint: "留空则显示默认的「© 年份 署名 Byline」。",
  },
] as const;

/** 站点设置 (admins): name, tagline, footer texts and links, and the staff two-factor requirement. */
export default async function SettingsPage() {
  const actor = await adminActor("settings.manage");
  const s = await getSettingsForAdmin(actor);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">站点设置</h1>
      <ActionForm
        action={updateSiteSettingsAction}
        submitLabel="保存设置"
        pendingLabel="保存中…"
        successMessage="设置已保存，网站页脚会随之更新。"
        submitClass={primaryButton}
        className={`${cardClass} space-y-4`}
        testId="settings-form"
      >
        {TEXT_FIELDS.map((f) => (
          <FormField key={f.name} size="sm" {...f} defaultValue={s[f.name]} />
        ))}
        <Field id="field-social" label="社交链接" hint="每行一个，写成「名称 https://网址」，最多 10 个。">
          {(p) => (
            <textarea
              {...p}
              name="social"
              rows={4}
              defaultValue={s.social.map((l) => `${l.name} ${l.url}`).join("\n")}
              className={`${staffInputClass} font-mono`}
            />
          )}
        </Field>
        <fieldset className="rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium">安全</legend>
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name="requireStaffTotp"
              defaultChecked={s.requireStaffTotp}
              className="mt-1"
            />
            <span>
              要求编辑和管理员启用两步验证
              <span className="block text-xs text-ink-600">
                开启后，编辑和管理员登录时必须完成两步验证（TOTP）。
              </span>
            </span>
          </label>
        </fieldset>
      </ActionForm>
    </div>
  );
}
