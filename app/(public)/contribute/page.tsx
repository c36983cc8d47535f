import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Suspense } from "react";
import { largePrimaryButton, secondaryButton } from "@/components/ui/button";
import { LoadingPanel } from "@/components/ui/skeleton";
import { getCurrentUser } from "@/lib/auth/session";
import { listCategories } from "@/lib/services/public/list-categories";
import { pageMetadata } from "@/lib/seo/page-metadata";
import { ContributeForm } from "./contribute-form";
import { ContributeGuidelines } from "./guidelines";

export const metadata: Metadata = pageMetadata({
  title: "投稿",
  description: "向署名 Byline 投稿：漏洞分析、攻防实战、安全研究与英文安全资讯的译文。",
  path: "/contribute",
});

async function ContributeArea() {
  await connection();
  const actor = await getCurrentUser();
  if (!actor) {
    return (
      <div className="rounded-lg bg-white p-6 text-center">
        <p className="text-ink-900">投稿需要先登录，以便编辑与你联系并在“我的投稿”里反馈审核进度。</p>
        <div className="mt-4 flex justify-center gap-3">
          <Link href="/login?next=%2Fcontribute" className={largePrimaryButton}>
            登录后投稿
          </Link>
          <Link href="/register?next=%2Fcontribute" className={secondaryButton}>
            注册账号
          </Link>
        </div>
      </div>
    );
  }
  return <ContributeForm categories={await listCategories()} />;
}

/** 我要投稿: the guidelines (the 我要投稿 page, edited in 页面管理) and the form (signed-in readers). */
export default function ContributePage() {
  return (
    <div className="mx-auto w-full max-w-3xl space-y-5">
      <header>
        <h1 className="text-2xl font-bold text-ink-900">投稿</h1>
        <p className="mt-2 text-sm text-ink-600">
          同时最多 3 篇稿件处于审核中。
          <Link href="/me/contributions" className="ml-1 text-brand-700 underline">
            查看我的投稿
          </Link>
        </p>
      </header>
      <ContributeGuidelines />
      <Suspense fallback={<LoadingPanel />}>
        <ContributeArea />
      </Suspense>
    </div>
  );
}
