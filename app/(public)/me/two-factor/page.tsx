import type { Metadata } from "next";
import { connection } from "next/server";
import { Suspense } from "react";
import { SafeHtml } from "@/components/ui/safe-html";
import { LoadingPanel } from "@/components/ui/skeleton";
import { isTotpEnrolmentDue, requireUserOrRedirect } from "@/lib/auth/session";
import { TWO_FACTOR_SETUP_PATH } from "@/lib/auth/totp-policy";
import { getTwoFactorStatus } from "@/lib/services/two-factor/get-two-factor-status";
import { ConfirmSetupForm } from "./confirm-setup-form";
import { DisableForm } from "./disable-form";
import { RecoveryCodesSlot } from "./recovery-codes-slot";
import { RegenerateCodesForm } from "./regenerate-codes-form";
import { StartSetupButton } from "./start-setup-button";

export const metadata: Metadata = { title: "两步验证", robots: { index: false, follow: false } };

const card = "rounded-lg bg-white p-5 sm:p-6";

async function TwoFactorPanel() {
  // request time only: the session lookup uses crypto before it touches cookies
  await connection();
  const actor = await requireUserOrRedirect(TWO_FACTOR_SETUP_PATH);
  const [status, isDue] = await Promise.all([getTwoFactorStatus(actor), isTotpEnrolmentDue()]);
  return (
    <>
      {isDue ? (
        <p
          role="alert"
          className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900"
        >
          本站要求编辑和管理员开启两步验证。完成设置前，工作台和管理后台暂不可用。
        </p>
      ) : null}
      {status.state === "on" ? (
        <section className={card} aria-labelledby="tf-on">
          <h2 id="tf-on" className="text-lg font-semibold text-ink-900">
            两步验证已开启
          </h2>
          <p className="mt-2 text-sm text-ink-600">
            开启于{" "}
            <time dateTime={status.enabledAt.toISOString()}>
              {status.enabledAt.toLocaleDateString("zh-CN", { timeZone: "Asia/Shanghai" })}
            </time>
            。登录时除了密码，还需要身份验证器中的动态口令。剩余可用恢复码：
            <strong data-testid="recovery-codes-left">{status.recoveryCodesLeft}</strong> 个。
          </p>
          <RegenerateCodesForm />
          <DisableForm />
        </section>
      ) : status.state === "pending" ? (
        <section className={card} aria-labelledby="tf-pending">
          <h2 id="tf-pending" className="text-lg font-semibold text-ink-900">
            第 1 步：用身份验证器扫描二维码
          </h2>
          <p className="mt-2 text-sm text-ink-600">
            可以使用 Google Authenticator、Microsoft Authenticator、1Password 或其他支持 TOTP 的应用。
          </p>
          <div className="mt-4 flex flex-col items-start gap-4 sm:flex-row">
            {/* drawn on our server from the secret: no third-party QR service ever sees it */}
            <SafeHtml
              role="img"
              aria-label="两步验证二维码"
              className="size-44 shrink-0 rounded border border-slate-200 p-1"
              html={status.qrSvg}
            />
            <div className="min-w-0 text-sm text-ink-600">
              <p>无法扫描时，在应用中选择“手动输入密钥”，填入：</p>
              <code
                data-testid="totp-secret"
                className="mt-2 block break-all rounded bg-slate-100 px-3 py-2 font-mono text-base tracking-wider text-ink-900"
              >
                {status.secret}
              </code>
              <p className="mt-2 text-xs text-ink-400">类型选“基于时间”，6 位数字，30 秒。</p>
            </div>
          </div>
          <h2 className="mt-6 text-lg font-semibold text-ink-900">第 2 步：输入应用中显示的动态口令</h2>
          <ConfirmSetupForm />
          <StartSetupButton label="重新生成密钥" variant="link" />
        </section>
      ) : (
        <section className={card} aria-labelledby="tf-off">
          <h2 id="tf-off" className="text-lg font-semibold text-ink-900">
            两步验证未开启
          </h2>
          <p className="mt-2 text-sm text-ink-600">
            开启后，登录时除了密码还要输入手机身份验证器中的 6
            位动态口令。即使密码泄露，别人也无法登录你的账号。编辑部成员强烈建议开启。
          </p>
          <StartSetupButton label="开始设置" />
        </section>
      )}
    </>
  );
}

/** 两步验证 (TOTP): per user, rendered at request time behind a Suspense boundary. */
export default function TwoFactorPage() {
  return (
    <div className="mx-auto w-full max-w-2xl">
      <h1 className="mb-4 text-2xl font-bold text-ink-900">两步验证</h1>
      <RecoveryCodesSlot>
        <Suspense fallback={<LoadingPanel />}>
          <TwoFactorPanel />
        </Suspense>
      </RecoveryCodesSlot>
    </div>
  );
}
