import Link from "next/link";
import { ArticleStatus } from "@/lib/generated/prisma/enums";
import { ARTICLE_STATUS_LABELS } from "@/lib/labels";
import { listArticlesHref } from "@/lib/services/articles/list/list-articles-schema";
import type { WorkCounts } from "@/lib/services/admin/dashboard/work-counts";
import { StatLink } from "./stat-link";

/**
 * 待处理 and 文章状态. Each link opens the list that shows the same number: the 评论审核 tabs,
 * 全部文章 with its status and 投稿 filters, and the 工作台's 错过定时 / 原文已更新 sections
 * (those two have no list page of their own; the sections list at most 50).
 */
export function WorkSection({ c }: { c: WorkCounts }) {
  return (
    <>
      <section aria-labelledby="dash-work">
        <h2 id="dash-work" className="mb-2 text-lg font-semibold">
          待处理
        </h2>
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          <StatLink
            href="/admin/comments"
            label="待审核评论"
            value={c.pendingComments}
            testId="stat-pending-comments"
          />
          <StatLink
            href="/admin/comments?status=REPORTED"
            label="被举报评论"
            hint="有未处理举报"
            value={c.reportedComments}
            testId="stat-reported-comments"
          />
          <StatLink
            href={listArticlesHref({ status: "IN_REVIEW", contribution: "1" })}
            label="待审投稿"
            value={c.contributionsWaiting}
            testId="stat-contributions"
          />
          <StatLink
            href={listArticlesHref({ status: "SCHEDULED" })}
            label="定时发布"
            hint="等待发布"
            value={c.articles.SCHEDULED}
            testId="stat-scheduled"
          />
          <StatLink
            href="/editor#missed-schedules"
            label="错过定时"
            hint="近 7 天补发"
            tone="alert"
            value={c.missedSchedules}
            testId="stat-missed"
          />
          <StatLink
            href="/editor#source-updates"
            label="原文已更新"
            hint="译文待核对"
            tone="alert"
            value={c.sourceChanged}
            testId="stat-source-changed"
          />
        </div>
      </section>
      <section aria-labelledby="dash-status">
        <h2 id="dash-status" className="mb-2 text-lg font-semibold">
          文章状态
        </h2>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-5">
          {Object.values(ArticleStatus).map((s) => (
            <li key={s}>
              <Link
                href={listArticlesHref({ status: s })}
                data-testid={`status-${s}`}
                className="flex items-baseline justify-between rounded-lg bg-white px-4 py-3 shadow-sm hover:text-brand-700"
              >
                <span className="text-sm text-ink-600">{ARTICLE_STATUS_LABELS[s]}</span>
                <span className="text-lg font-semibold tabular-nums" data-testid={`status-${s}-value`}>
                  {c.articles[s].toLocaleString("zh-CN")}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
