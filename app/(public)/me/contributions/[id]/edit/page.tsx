import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import { ZodError } from "zod";
import { LoadingPanel } from "@/components/ui/skeleton";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getMyContribution } from "@/lib/services/contributions/get-my-contribution";
import { listCategories } from "@/lib/services/public/list-categories";
import { ContributeForm } from "../../../../contribute/contribute-form";
import { resubmitContributionAction } from "../../actions";

export const metadata: Metadata = { title: "修改投稿", robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }> };

async function EditArea({ params }: Props) {
  await connection();
  const { id } = await params;
  const actor = await requireUserOrRedirect(`/me/contributions/${encodeURIComponent(id)}/edit`);
  let contribution;
  try {
    contribution = await getMyContribution(actor, id);
  } catch (e) {
    if ((e instanceof AppError && e.code === "NOT_FOUND") || e instanceof ZodError) notFound();
    if (e instanceof AppError && e.code === "INVALID")
      return (
        <p className="rounded bg-white p-6 text-ink-900">
          这篇投稿当前不能修改（只有被退回的投稿可以修改）。
          <Link href="/me/contributions" className="ml-1 text-brand-700 underline">
            返回我的投稿
          </Link>
        </p>
      );
    throw e;
  }
  return (
    <>
      {contribution.reason && (
        <div
          className="rounded border border-amber-200 bg-amber-50 p-3 text-amber-900"
          data-testid="return-reason"
        >
          <p className="font-medium">编辑的退回意见</p>
          <p className="mt-1 whitespace-pre-wrap break-words">{contribution.reason}</p>
        </div>
      )}
      <ContributeForm
        categories={await listCategories()}
        initial={contribution}
        resubmit={resubmitContributionAction}
      />
    </>
  );
}

/** 修改投稿: a returned contribution in the same plain-text form as 投稿, then 重新提交. */
export default function EditContributionPage({ params }: Props) {
  return (
    <div className="mx-auto w-full max-w-3xl space-y-5">
      <h1 className="text-2xl font-bold text-ink-900">修改投稿</h1>
      <Suspense fallback={<LoadingPanel />}>
        <EditArea params={params} />
      </Suspense>
    </div>
  );
}
