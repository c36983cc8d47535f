import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Suspense } from "react";
import { LoadingPanel } from "@/components/ui/skeleton";
import { minPasswordLength } from "@/lib/auth/password-policy";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "账号安全", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

async function SecuritySettings({ searchParams }: Props) {
  // request time only: Auth.js touches crypto before it reads the cookie
  await connection();
  const actor = await requireUserOrRedirect("/me/security");
  const changed = (await searchParams).changed === "1";
  return (
    <section aria-labelledby="change-password" className="rounded bg-white p-6">
      <h2 id="change-password" className="text-lg font-semibold text-ink-900">
        修改密码
      </h2>
      <p className="mb-5 mt-1 text-sm text-ink-600">修改后，你在其他设备上的登录会全部退出。</p>
      <ChangePasswordForm minLength={minPasswordLength(actor.role)} changed={changed} />
      <p className="mt-5 text-sm text-ink-600">
        忘记了当前密码？先退出登录，再用
        <Link href="/forgot-password" className="mx-1 text-brand-700 underline">
          找回密码
        </Link>
        重置。
      </p>
    </section>
  );
}

/** 账号安全: per user, rendered at request time behind a Suspense boundary. */
export default function SecurityPage({ searchParams }: Props) {
  return (
    <div className="mx-auto w-full max-w-3xl">
      <h1 className="mb-4 text-2xl font-bold text-ink-900">账号安全</h1>
      <Suspense fallback={<LoadingPanel />}>
        <SecuritySettings searchParams={searchParams} />
      </Suspense>
    </div>
  );
}
