import type { Metadata } from "next";
import { FilterTabs } from "@/components/ui/filter-tabs";
import { COMMENT_STATUS_LABELS } from "@/lib/labels";
import {
  listCommentsForModeration,
  MODERATION_TABS,
  type ModerationTab,
} from "@/lib/services/moderation/list-comments-for-moderation";
import { adminActor, param, type SearchParams } from "../gate";
import { Pagination } from "@/components/ui/pagination";
import { ModerationTable } from "./moderation-table";

export const metadata: Metadata = { title: "评论审核" };

const EMPTY: Record<ModerationTab, string> = {
  PENDING: "没有待审核的评论，队列已清空。",
  APPROVED: "还没有通过的评论。",
  REJECTED: "没有被拒绝的评论。",
};

const hrefFor = (status: ModerationTab, page = 1) => {
  const s = new URLSearchParams();
  if (status !== "PENDING") s.set("status", status);
  if (page > 1) s.set("page", String(page));
  return s.size ? `/admin/comments?${s}` : "/admin/comments";
};

/** 评论审核 (editors and admins): tabs by status with counts, bulk approve / reject / delete. */
export default async function CommentsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await adminActor("comment.moderate");
  const q = await searchParams;
  const queue = await listCommentsForModeration(actor, {
    status: param(q.status) || undefined,
    page: param(q.page) || 1,
  });
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">评论审核</h1>
      <FilterTabs
        tabs={MODERATION_TABS.map((s) => ({
          key: s,
          href: hrefFor(s),
          label: COMMENT_STATUS_LABELS[s],
          count: queue.counts[s],
          isCurrent: s === queue.status,
          countTestId: `count-${s}`,
        }))}
      />
      {queue.items.length ? (
        <>
          <ModerationTable key={`${queue.status}-${queue.page}`} items={queue.items} tab={queue.status} />
          <Pagination
            page={queue.page}
            pageCount={queue.pageCount}
            total={queue.total}
            href={(p) => hrefFor(queue.status, p)}
          />
        </>
      ) : (
        <p className="rounded-lg bg-white p-8 text-center text-ink-600">{EMPTY[queue.status]}</p>
      )}
    </div>
  );
}
