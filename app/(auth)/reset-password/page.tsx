import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { isResetTokenUsable } from "@/lib/services/accounts/reset-password";
import { FormSkeleton } from "@/components/ui/skeleton";
import { AuthCard } from "../auth-card";
import { FormAlert } from "@/components/ui/form-alert";
import { ResetForm } from "./reset-form";

// the token is a credential: keep it out of search engines and out of the Referer header
export const metadata: Metadata = {
  title: "设置新密码",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default function ResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <AuthCard title="设置新密码" subtitle="设置后，你在所有设备上的登录都会退出，需要用新密码重新登录。">
      <Suspense fallback={<FormSkeleton fields={1} />}>
        <ResetFromQuery searchParams={searchParams} />
      </Suspense>
    </AuthCard>
  );
}

async function ResetFromQuery({ searchParams }: { searchParams: SearchParams }) {
  const q = await searchParams;
  const token = typeof q.token === "string" ? q.token : "";
  if (!(await isResetTokenUsable(token))) {
    return (
      <div className="space-y-4">
        <FormAlert tone="error">重置链接无效、已使用或已过期（链接 30 分钟内有效，只能使用一次）。</FormAlert>
        <Link
          href="/forgot-password"
          className="block text-center font-medium text-brand-600 hover:underline"
        >
          重新申请重置链接
        </Link>
      </div>
    );
  }
  return <ResetForm token={token} />;
}
