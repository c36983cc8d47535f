import type { Metadata } from "next";
import Link from "next/link";
import { getSettingsForAdmin } from "@/lib/services/settings/get-settings-for-admin";
import { DEFAULT_FOOTER_TEXT } from "@/lib/services/settings/keys";
import { ActionForm } from "../action-form";
import { adminActor } from "../gate";
import { primaryButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormField } from "@/components/ui/form-field";
import { staffInputClass } from "@/components/ui/input";
import { updateSiteSettingsAction } from "./actions";
import { ImageSettingField } from "./image-setting-field";
import { SettingsSection } from "./settings-section";

export const metadata: Metadata = { title: "站点设置" };

/** 站点设置 (admins): what every page shows (name, brand, footer, tip QR) and the sign-up and sign-in rules. */
export default async function SettingsPage() {
  const actor = await adminActor("settings.manage");
  const s = await getSettingsForAdmin(actor);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">站点设置</h1>
      <p className="text-sm text-ink-600">
        保存后立即生效：页头、页脚、网页标题、RSS 与文章页会在下一次打开时显示新设置。评论审核方式与屏蔽词在
        <Link href="/admin/comments/rules" className="mx-1 text-brand-600 underline">
          评论规则
        </Link>
        中设置。
      </p>
      <ActionForm
        action={updateSiteSettingsAction}
        submitLabel="保存设置"
        pendingLabel="保存中…"
        successMessage="设置已保存，网站会随之更新。"
        submitClass={primaryButton}
        className="space-y-4"
        testId="settings-form"
      >
        <SettingsSection title="基本信息">
          <FormField
            size="sm"
            name="name"
            label="站点名称"
            maxLength={32}
            required
            defaultValue={s.name}
            hint="显示在页头、网页标题、RSS 和分享卡片中，最多 32 字。"
          />
          <FormField
            size="sm"
            name="tagline"
            label="站点标语"
            maxLength={100}
            defaultValue={s.tagline}
            hint="一句话介绍本站，显示在页头和首页标题中，最多 100 字。"
          />
          <FormField
            size="sm"
            name="titleTemplate"
            label="网页标题模板"
            maxLength={60}
            defaultValue={s.titleTemplate}
            placeholder="%s · 站点名称"
            hint="%s 代表各页面自己的标题，必须出现且只出现一次；留空则为「%s · 站点名称」。"
          />
        </SettingsSection>
        <SettingsSection title="品牌">
          <ImageSettingField
            name="logoMediaId"
            label="网站 Logo"
            hint="显示在页头和页脚，替代内置标志；建议高度至少 64 像素的 PNG 或 WebP（不支持 SVG）。"
            initial={s.logo}
          />
          <ImageSettingField
            name="faviconMediaId"
            label="网站图标"
            hint="浏览器标签页上的小图标；建议 64×64 像素以上的正方形 PNG。"
            initial={s.favicon}
          />
        </SettingsSection>
        <SettingsSection title="页脚">
          <FormField
            size="sm"
            name="footerText"
            label="页脚文字"
            maxLength={200}
            defaultValue={s.footerText}
            placeholder={DEFAULT_FOOTER_TEXT}
            hint="显示在每页底部，最多 200 字；留空则显示默认的版权说明。"
          />
          <FormField
            size="sm"
            name="copyright"
            label="页脚版权信息"
            maxLength={100}
            defaultValue={s.copyright}
            hint="留空则显示「© 年份 站点名称」。"
          />
          <FormField
            size="sm"
            name="icp"
            label="ICP 备案号"
            maxLength={50}
            defaultValue={s.icp}
            placeholder="京ICP备XXXXXXXX号-1"
            hint="显示在每页页脚，链接到工信部备案系统；留空则不显示。"
          />
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
        </SettingsSection>
        <SettingsSection title="赞赏">
          <ImageSettingField
            name="tipQrMediaId"
            label="赞赏二维码"
            hint="设置后显示在每篇文章下方（如微信赞赏码）；移除则不显示。"
            initial={s.tipQr}
          />
          <FormField
            size="sm"
            name="tipCaption"
            label="赞赏说明"
            maxLength={60}
            defaultValue={s.tipCaption}
            placeholder="觉得有用？微信扫码赞赏作者"
            hint="显示在二维码下方，最多 60 字。"
          />
        </SettingsSection>
        <SettingsSection title="注册与安全">
          <Checkbox
            name="registrationClosed"
            checked={s.registrationClosed}
            label="关闭注册"
            hint="开启后，注册页面只显示「暂停注册」说明，新的注册请求一律拒绝；已有账号照常登录。"
          />
          <Checkbox
            name="requireStaffTotp"
            checked={s.requireStaffTotp}
            label="要求编辑和管理员启用两步验证"
            hint="开启后，编辑和管理员登录时必须完成两步验证（TOTP）。"
          />
        </SettingsSection>
      </ActionForm>
    </div>
  );
}

function Checkbox({
  name,
  checked,
  label,
  hint,
}: {
  name: string;
  checked: boolean;
  label: string;
  hint: string;
}) {
  return (
    <label className="flex items-start gap-2 text-sm">
      <input type="checkbox" name={name} defaultChecked={checked} className="mt-1" />
      <span>
        {label}
        <span className="block text-xs text-ink-600">{hint}</span>
      </span>
    </label>
  );
}
