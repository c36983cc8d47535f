import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Suspense } from "react";
import { primaryButton, secondaryButton } from "@/components/ui/button";
import { LoadingPanel } from "@/components/ui/skeleton";
import { Badge, StatusBadge } from "@/components/ui/status-badge";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { formatDate } from "@/lib/format/beijing-time";
import { listMyContributions } from "@/lib/services/contributions/list-my-contributions";
import { WithdrawButton } from "./withdraw-button";

export const metadata: Metadata = { title: "我的投稿", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

async function ContributionList({ searchParams }: Props) {
  // per user: request time only (the session lookup uses crypto before it reads cookies)
  await connection();
  const actor = await requireUserOrRedirect("/me/contributions");
  const [items, q] = await Promise.all([listMyContributions(actor), searchParams]);
  return (
    <>
      {q.submitted === "1" && (
        <p
          role="status"
          className="mb-4 rounded border border-emerald-200 bg-emerald-50 p-3 text-emerald-900"
        >
          投稿已提交，编辑审核后会在这里更新状态。
        </p>
      )}
      {q.resubmitted === "1" && (
        <p
          role="status"
          className="mb-4 rounded border border-emerald-200 bg-emerald-50 p-3 text-emerald-900"
        >
          修改后的投稿已重新提交，请等待编辑审核。
        </p>
      )}
      {items.length === 0 ? (
        <p className="rounded bg-white p-8 text-center text-ink-600">
          还没有投稿。
          <Link href="/contribute" className="ml-1 text-brand-700 underline">
            写一篇
          </Link>
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded bg-white" data-testid="contribution-list">
          {items.map((c) => (
            <li key={c.id} className="flex flex-col gap-1 p-4 sm:flex-row sm:items-center sm:gap-4">
              <div className="min-w-0 flex-1">
                {c.status === "PUBLISHED" ? (
                  <Link
                    href={`/posts/${c.publicId}`}
                    className="font-medium text-ink-900 hover:text-brand-600"
                  >
                    {c.title}
                  </Link>
                ) : (
                  <span className="font-medium text-ink-900">{c.title}</span>
                )}
                <p className="mt-1 text-xs text-ink-600">
                  {c.categoryName} · 提交于{" "}
                  <time dateTime={c.createdAt.toISOString()}>{formatDate(c.createdAt)}</time>
                  {c.publishedAt && c.status === "PUBLISHED" && (
                    <>
                      {" "}
                      · 发表于 <time dateTime={c.publishedAt.toISOString()}>{formatDate(c.publishedAt)}</time>
                    </>
                  )}
                </p>
                {c.reason && (
                  <p className="mt-2 whitespace-pre-wrap break-words rounded bg-amber-50 p-2 text-sm text-amber-900">
                    {c.status === "ARCHIVED" ? "不予采用的原因" : "退回原因"}：{c.reason}
                  </p>
                )}
              </div>
              <span className="flex flex-wrap items-center gap-2 self-start sm:self-center">
                {c.isWithdrawn ? (
                  <Badge>已撤回</Badge>
                ) : (
                  <StatusBadge kind="article" status={c.status} audience="author" />
                )}
                {c.isContribution && c.status === "DRAFT" && (
                  <Link href={`/me/contributions/${c.id}/edit`} className={secondaryButton}>
                    修改后重新提交<span className="sr-only">《{c.title}》</span>
                  </Link>
                )}
                {c.isContribution && (c.status === "DRAFT" || c.status === "IN_REVIEW") && (
                  <WithdrawButton id={c.id} title={c.title} />
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** 我的投稿: the reader's submissions and where each stands. Per user, rendered at request time. */
export default function MyContributionsPage({ searchParams }: Props) {
  return (
    <div className="mx-auto w-full max-w-3xl">
      <div className="mb-4 flex items-center justify-between gap-3">
        <h1 className="text-2xl font-bold text-ink-900">我的投稿</h1>
        <Link href="/contribute" className={primaryButton}>
          新投稿
        </Link>
      </div>
      <Suspense fallback={<LoadingPanel />}>
        <ContributionList searchParams={searchParams} />
      </Suspense>
    </div>
  );
}
