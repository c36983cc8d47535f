import type { Metadata } from "next";
import { listReviewQueue } from "@/lib/services/articles/list-review-queue";
import { ArticleTable } from "../article-table";
import { Pagination } from "@/components/ui/pagination";
import { NoAccess, requireStaff } from "../staff";

export const metadata: Metadata = { title: "审核队列" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** 审核队列 (editors and admins): submitted drafts, longest-waiting first. */
export default async function ReviewQueuePage({ searchParams }: Props) {
  const actor = await requireStaff("/editor/review", "article.review");
  if (!actor) return <NoAccess message="审核队列仅对编辑和管理员开放。" />;
  const queue = await listReviewQueue(actor, { page: (await searchParams).page });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-ink-900">审核队列</h1>
      <p className="text-sm text-ink-600">
        共 {queue.total} 篇待审核，等待最久的排在最前。打开文章后可以修改、发布、定时发布或退回。
      </p>
      {queue.items.length ? (
        <>
          <ArticleTable items={queue.items} showAuthor caption="待审核文章" />
          <Pagination
            page={queue.page}
            pageCount={queue.pageCount}
            href={(p) => (p > 1 ? `/editor/review?page=${p}` : "/editor/review")}
          />
        </>
      ) : (
        <p className="rounded-lg bg-white p-8 text-center text-ink-600">审核队列是空的，所有稿件都已处理。</p>
      )}
    </div>
  );
}
