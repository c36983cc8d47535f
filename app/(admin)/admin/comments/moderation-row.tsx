"use client";

import Link from "next/link";
import type { Ref } from "react";
import { dangerButton, secondaryButton } from "@/components/ui/button";
import { StatusBadge } from "@/components/ui/status-badge";
import { reportReasonLabel } from "@/lib/comments/report-reasons";
import { describeHold } from "@/lib/comments/rules";
import { formatDateTime } from "@/lib/format/beijing-time";
import type { ModerationItem } from "@/lib/services/moderation/list-comments-for-moderation";
import { BanForm } from "./ban-form";
import { LABEL, type Decision } from "./decisions";

const td = "border-b border-slate-100 px-3 py-2 align-top";

type Props = {
  ref: Ref<HTMLTableRowElement>;
  item: ModerationItem;
  decisions: Decision[];
  isCurrent: boolean;
  /** the one row Tab reaches (roving tabindex) */
  isTabStop: boolean;
  isChecked: boolean;
  disabled: boolean;
  isBanOpen: boolean;
  onFocusRow: () => void;
  onToggle: () => void;
  onDecide: (d: Decision) => void;
  onBan: (open: boolean) => void;
};

/** One comment with what a moderator weighs: the rule that held it, open reports, the author's record. */
export function ModerationRow({ ref, item: c, decisions, isCurrent, isTabStop, isChecked, ...on }: Props) {
  const h = c.author.history;
  const hold = describeHold(c.heldBy, c.heldDetail);
  return (
    <>
      <tr
        ref={ref}
        tabIndex={isTabStop ? 0 : -1}
        aria-selected={isCurrent}
        onFocus={on.onFocusRow}
        data-testid="moderation-row"
        className="outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-brand-600 aria-selected:bg-brand-50"
      >
        <td className={td}>
          <input
            type="checkbox"
            aria-label={`选择 ${c.author.displayName} 的评论`}
            checked={isChecked}
            onChange={on.onToggle}
          />
        </td>
        <td className={`${td} max-w-md`}>
          <p className="whitespace-pre-wrap break-words text-ink-900">{c.body}</p>
          <p className="mt-1 text-xs text-ink-600">
            <Link
              href={`/admin/comments?user=${encodeURIComponent(c.author.id)}`}
              className="text-brand-700 underline"
              title="只看此人的评论"
            >
              {c.author.displayName}
            </Link>{" "}
            · <time dateTime={c.createdAt.toISOString()}>{formatDateTime(c.createdAt)}</time>
            {c.isReply && " · 回复"}
            {c.editedAt && " · 已编辑"} <StatusBadge kind="comment" status={c.status} />
          </p>
          <p className="mt-1 text-xs text-ink-600" data-testid="author-history">
            此人评论：通过 {h.approved} · 拒绝 {h.rejected} · 垃圾 {h.spam} · 被举报 {h.reported}
            {h.ban && (
              <span className="ml-2 rounded bg-red-50 px-1.5 text-red-800">
                已禁言（{h.ban.expiresAt ? `至 ${formatDateTime(h.ban.expiresAt)}` : "永久"}）
              </span>
            )}
          </p>
          {hold && (
            <p className="mt-1 text-xs text-amber-900" data-testid="held-reason">
              暂缓原因：{hold}
            </p>
          )}
          {c.reports.total > 0 && (
            <div
              className="mt-1 rounded bg-red-50 px-2 py-1 text-xs text-red-900"
              data-testid="report-summary"
            >
              <p>
                举报 {c.reports.total} 次：
                {c.reports.byReason.map((r) => `${reportReasonLabel(r.reason)} ×${r.count}`).join("、")}
              </p>
              {c.reports.details.length > 0 && (
                <ul className="mt-0.5 list-disc pl-4">
                  {c.reports.details.map((d, i) => (
                    <li key={i} className="whitespace-pre-wrap break-words">
                      {d}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </td>
        <td className={`${td} max-w-[14rem]`}>
          {c.article.isPublished ? (
            <a href={`/posts/${c.article.publicId}#comments`} className="text-brand-700 hover:underline">
              {c.article.title}
            </a>
          ) : (
            <span>{c.article.title}（未发布）</span>
          )}
        </td>
        <td className={td}>
          <div className="flex flex-wrap gap-1">
            {decisions.map((d) => (
              <button
                key={d}
                type="button"
                disabled={on.disabled}
                className={`${d === "delete" ? dangerButton : secondaryButton} px-3 py-1`}
                onClick={() => on.onDecide(d)}
                aria-label={`${LABEL[d]} ${c.author.displayName} 的评论`}
              >
                {LABEL[d]}
              </button>
            ))}
            <button
              type="button"
              className={`${secondaryButton} px-3 py-1`}
              aria-expanded={on.isBanOpen}
              onClick={() => on.onBan(!on.isBanOpen)}
              aria-label={`禁言 ${c.author.displayName}`}
            >
              禁言
            </button>
          </div>
        </td>
      </tr>
      {on.isBanOpen && (
        <tr>
          <td colSpan={4} className={`${td} bg-slate-50`}>
            <BanForm
              userId={c.author.id}
              displayName={c.author.displayName}
              onClose={() => on.onBan(false)}
            />
          </td>
        </tr>
      )}
    </>
  );
}
