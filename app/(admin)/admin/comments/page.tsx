import type { Metadata } from "next";
import Link from "next/link";
import {
  listCommentsForModeration,
  MODERATION_TABS,
  type ModerationTab,
} from "@/lib/services/moderation/list-comments-for-moderation";
import { adminActor, param, type SearchParams } from "../gate";
import { Pagination } from "../pagination";
import { ModerationTable } from "./moderation-table";

export const metadata: Metadata = { title: "评论审核" };

const TAB_LABELS: Record<ModerationTab, string> = {
  PENDING: "待审核",
  APPROVED: "已通过",
  REJECTED: "已拒绝",
};
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
      <nav aria-label="按状态筛选" className="flex flex-wrap gap-1 border-b border-slate-200">
        {MODERATION_TABS.map((s) => (
          <Link
            key={s}
            href={hrefFor(s)}
            aria-current={s === queue.status ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm ${s === queue.status ? "border-brand-600 font-medium text-brand-700" : "border-transparent text-ink-600 hover:text-ink-900"}`}
          >
            {TAB_LABELS[s]}{" "}
            <span className="text-xs text-ink-600" data-testid={`count-${s}`}>
              {queue.counts[s]}
            </span>
          </Link>
        ))}
      </nav>
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
