import type { Metadata } from "next";
import Link from "next/link";
import { primaryButton } from "@/components/ui/button";
import { FilterTabs } from "@/components/ui/filter-tabs";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/authz";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import { ARTICLE_STATUS_LABELS } from "@/lib/labels";
import { listMyArticles } from "@/lib/services/articles/list-my-articles";
import { listReviewQueue } from "@/lib/services/articles/list-review-queue";
import { ArticleTable } from "./article-table";
import { MissedSchedulesList } from "./missed-schedules-list";
import { SourceUpdatesList } from "./source-updates-list";
import { NoAccess, requireStaff } from "./staff";

export const metadata: Metadata = { title: "我的文章" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const TABS: (ArticleStatus | undefined)[] = [
  undefined,
  "DRAFT",
  "IN_REVIEW",
  "SCHEDULED",
  "PUBLISHED",
  "ARCHIVED",
];
const EMPTY: Record<string, string> = {
  all: "你还没有写过文章。",
  DRAFT: "没有草稿。",
  IN_REVIEW: "没有正在审核的稿件。",
  SCHEDULED: "没有定时发布的文章。",
  PUBLISHED: "还没有已发布的文章。",
  ARCHIVED: "没有已归档的文章。",
};

const hrefFor = (status: ArticleStatus | undefined, page = 1) => {
  const q = new URLSearchParams();
  if (status) q.set("status", status);
  if (page > 1) q.set("page", String(page));
  const s = q.toString();
  return s ? `/editor?${s}` : "/editor";
};

/** 工作台首页: my articles by status (草稿 / 审核中 / 已发布…), with counts, newest change first. */
export default async function EditorDashboard({ searchParams }: Props) {
  const actor = await requireStaff("/editor");
  if (!actor) return <NoAccess />;
  const q = await searchParams;
  const mine = await listMyArticles(actor, { status: q.status, page: q.page });
  const queue = can(actor, "article.review") ? await listReviewQueue(actor) : null;
  const total = Object.values(mine.counts).reduce((a, b) => a + b, 0);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold text-ink-900">我的文章</h1>
        <Link href="/editor/articles/new" className={primaryButton}>
          新建文章
        </Link>
      </div>
      {queue && queue.total > 0 && (
        <p className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          审核队列中有 {queue.total} 篇稿件等待处理。
          <Link href="/editor/review" className="ml-2 font-medium underline">
            去审核
          </Link>
        </p>
      )}
      <MissedSchedulesList actor={actor} />
      <SourceUpdatesList actor={actor} />
      <FilterTabs
        tabs={TABS.map((s) => ({
          key: s ?? "all",
          href: hrefFor(s),
          label: s ? ARTICLE_STATUS_LABELS[s] : "全部",
          count: s ? mine.counts[s] : total,
          isCurrent: s === mine.status,
        }))}
      />
      {mine.items.length ? (
        <>
          <ArticleTable
            items={mine.items}
            caption={mine.status ? ARTICLE_STATUS_LABELS[mine.status] : "全部文章"}
          />
          <Pagination page={mine.page} pageCount={mine.pageCount} href={(p) => hrefFor(mine.status, p)} />
        </>
      ) : (
        <div className="rounded-lg bg-white p-8 text-center text-ink-600">
          <p>{EMPTY[mine.status ?? "all"]}</p>
          <Link href="/editor/articles/new" className="mt-2 inline-block text-brand-700 underline">
            写一篇新文章或译文
          </Link>
        </div>
      )}
    </div>
  );
}
