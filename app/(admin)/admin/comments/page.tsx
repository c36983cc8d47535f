import type { Metadata } from "next";
import Link from "next/link";
import { FilterTabs } from "@/components/ui/filter-tabs";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/authz";
import {
  listCommentsForModeration,
  MODERATION_TABS,
  type ModerationTab,
} from "@/lib/services/moderation/list-comments-for-moderation";
import { adminActor, param, type SearchParams } from "../gate";
import { QueueFilters } from "./queue-filters";
import { queueHref } from "./queue-href";
import { ModerationTable } from "./moderation-table";

export const metadata: Metadata = { title: "评论审核" };

const TAB_LABELS: Record<ModerationTab, string> = {
  PENDING: "待审核",
  REPORTED: "被举报",
  SPAM: "垃圾",
  REJECTED: "已拒绝",
  APPROVED: "已通过",
};

const EMPTY: Record<ModerationTab, string> = {
  PENDING: "没有待审核的评论，队列已清空。",
  REPORTED: "没有待处理的举报。",
  SPAM: "没有标记为垃圾的评论。",
  REJECTED: "没有被拒绝的评论。",
  APPROVED: "还没有通过的评论。",
};

/**
 * 评论审核 (editors and admins): tabs with counts, filters by article, author and text, and a
 * keyboard-driven list (j/k, a/r/s, x) with bulk decisions and 禁言 per row.
 */
export default async function CommentsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await adminActor("comment.moderate");
  const sp = await searchParams;
  const queue = await listCommentsForModeration(actor, {
    status: param(sp.status) || undefined,
    page: param(sp.page) || 1,
    article: param(sp.article),
    user: param(sp.user),
    q: param(sp.q),
  });
  const { query } = queue;
  const filtered = Boolean(query.article || query.user || query.q);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h1 className="text-xl font-bold">评论审核</h1>
        <Link href="/admin/comments/bans" className="text-sm text-brand-700 hover:underline">
          禁言名单
        </Link>
        {can(actor, "settings.manage") && (
          <Link href="/admin/comments/rules" className="text-sm text-brand-700 hover:underline">
            评论规则
          </Link>
        )}
      </div>
      <QueueFilters query={query} />
      <FilterTabs
        tabs={MODERATION_TABS.map((s) => ({
          key: s,
          href: queueHref(query, s),
          label: TAB_LABELS[s],
          count: queue.counts[s],
          isCurrent: s === query.status,
          countTestId: `count-${s}`,
        }))}
      />
      {/* rendered when empty too: the result of the decision that emptied it stays announced */}
      <ModerationTable
        key={`${query.status}-${query.page}-${query.article}-${query.user}-${query.q}`}
        items={queue.items}
        tab={query.status}
        empty={filtered ? "没有符合筛选条件的评论。" : EMPTY[query.status]}
      />
      <Pagination
        page={query.page}
        pageCount={queue.pageCount}
        total={queue.items.length ? queue.total : undefined}
        href={(p) => queueHref(query, query.status, p)}
      />
    </div>
  );
}
