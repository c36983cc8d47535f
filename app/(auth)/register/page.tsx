import type { Metadata } from "next";
import { Suspense } from "react";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { getSiteSettings } from "@/lib/services/public/get-site-settings";
import { REGISTRATION_CLOSED_MESSAGE } from "@/lib/services/accounts/register-user";
import { FormSkeleton } from "@/components/ui/skeleton";
import { AuthCard } from "../auth-card";
import { RegisterForm } from "./register-form";

export const metadata: Metadata = { title: "注册", robots: { index: false, follow: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** 注册; when 站点设置 关闭注册 is on, a notice and no form (the service refuses a direct POST too). */
export default async function RegisterPage({ searchParams }: { searchParams: SearchParams }) {
  const settings = await getSiteSettings();
  if (settings.registrationClosed) {
    return (
      <AuthCard title="暂停注册">
        <div role="status" className="space-y-4 text-sm text-ink-900" data-testid="registration-closed">
          <p>{REGISTRATION_CLOSED_MESSAGE}</p>
          <p>
            <a href="/login" className="text-brand-600 hover:underline">
              去登录
            </a>
            <span className="mx-2 text-ink-400">·</span>
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- public pages load documents (docs/public-site.md) */}
            <a href="/" className="text-brand-600 hover:underline">
              返回首页
            </a>
          </p>
        </div>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="注册" subtitle="注册署名账号，参与评论、收藏文章和投稿。">
      <Suspense fallback={<FormSkeleton fields={3} />}>
        <RegisterFormFromQuery searchParams={searchParams} />
      </Suspense>
    </AuthCard>
  );
}

async function RegisterFormFromQuery({ searchParams }: { searchParams: SearchParams }) {
  const q = await searchParams;
  return <RegisterForm next={safeNextPath(q.next)} />;
}
