"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { formatDateTime } from "@/lib/format/beijing-time";
import type { ModerationItem, ModerationTab } from "@/lib/services/moderation/list-comments-for-moderation";
import { dangerButton, secondaryButton } from "@/components/ui/button";
import { TableShell, tdClass } from "@/components/ui/table";
import { moderateCommentsAction } from "./actions";

type Decision = "approve" | "reject" | "delete";
const LABEL: Record<Decision, string> = { approve: "通过", reject: "拒绝", delete: "删除" };
/** which buttons make sense on each tab */
const DECISIONS: Record<ModerationTab, Decision[]> = {
  PENDING: ["approve", "reject", "delete"],
  APPROVED: ["reject", "delete"],
  REJECTED: ["approve", "delete"],
};

/**
 * The moderation list: a checkbox per comment (and one for all) for bulk decisions, buttons per
 * row. Deleting asks once more. Bodies are rendered as text, so markup in a comment stays inert.
 */
export function ModerationTable({ items, tab }: { items: ModerationItem[]; tab: ModerationTab }) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirmDelete, setConfirmDelete] = useState<string[] | null>(null);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [pending, start] = useTransition();
  const allChecked = items.length > 0 && items.every((i) => selected.has(i.id));

  const run = (ids: string[], decision: Decision) =>
    start(async () => {
      setMessage(null);
      setConfirmDelete(null);
      const r = await moderateCommentsAction({ ids, decision });
      if (!r.ok) {
        setMessage({ tone: "error", text: r.error.message });
      } else {
        const skipped = r.data.skipped ? `，另有 ${r.data.skipped} 条已被他人处理` : "";
        setMessage({ tone: "ok", text: `已${LABEL[decision]} ${r.data.changed} 条评论${skipped}。` });
        setSelected(new Set());
      }
      router.refresh();
    });
  const ask = (ids: string[], decision: Decision) =>
    decision === "delete" ? setConfirmDelete(ids) : run(ids, decision);
  const toggle = (id: string) =>
    setSelected((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set(s).add(id)));

  return (
    <div className="space-y-3">
      <div
        className="flex flex-wrap items-center gap-2 rounded-lg bg-white p-3"
        role="toolbar"
        aria-label="批量操作"
      >
        <span className="text-sm text-ink-600">已选 {selected.size} 条</span>
        {DECISIONS[tab].map((d) => (
          <button
            key={d}
            type="button"
            disabled={pending || selected.size === 0}
            className={d === "delete" ? dangerButton : secondaryButton}
            onClick={() => ask([...selected], d)}
          >
            批量{LABEL[d]}
          </button>
        ))}
      </div>
      {confirmDelete && (
        <div
          role="alertdialog"
          aria-labelledby="confirm-delete"
          className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm"
        >
          <p id="confirm-delete">确定删除 {confirmDelete.length} 条评论吗？删除后读者将看不到它们。</p>
          <div className="mt-2 flex gap-2">
            <button
              type="button"
              className={dangerButton}
              disabled={pending}
              onClick={() => run(confirmDelete, "delete")}
              autoFocus
            >
              确认删除
            </button>
            <button type="button" className={secondaryButton} onClick={() => setConfirmDelete(null)}>
              取消
            </button>
          </div>
        </div>
      )}
      <div aria-live="polite">
        {message && (
          <p
            role={message.tone === "error" ? "alert" : undefined}
            className={`rounded-md p-3 text-sm ${message.tone === "error" ? "bg-red-50 text-red-800" : "bg-green-50 text-green-800"}`}
          >
            {message.text}
          </p>
        )}
      </div>
      <TableShell
        caption="评论列表"
        hideCaption
        testId="moderation-table"
        columns={[
          {
            key: "select",
            className: "w-10",
            label: (
              <input
                type="checkbox"
                aria-label="全选本页评论"
                checked={allChecked}
                onChange={() => setSelected(allChecked ? new Set() : new Set(items.map((i) => i.id)))}
              />
            ),
          },
          "评论",
          "文章",
          "操作",
        ]}
      >
        {items.map((c) => (
          <tr key={c.id} data-testid="moderation-row">
            <td className={tdClass}>
              <input
                type="checkbox"
                aria-label={`选择 ${c.author.displayName} 的评论`}
                checked={selected.has(c.id)}
                onChange={() => toggle(c.id)}
              />
            </td>
            <td className={`${tdClass} max-w-md`}>
              <p className="whitespace-pre-wrap break-words">{c.body}</p>
              <p className="mt-1 text-xs text-ink-600">
                {c.author.displayName} ·{" "}
                <time dateTime={c.createdAt.toISOString()}>{formatDateTime(c.createdAt)}</time>
                {c.isReply && " · 回复"}
              </p>
            </td>
            <td className={`${tdClass} max-w-[14rem]`}>
              {c.article.isPublished ? (
                <Link
                  href={`/posts/${c.article.publicId}#comments`}
                  className="text-brand-700 hover:underline"
                >
                  {c.article.title}
                </Link>
              ) : (
                <span>{c.article.title}（未发布）</span>
              )}
            </td>
            <td className={tdClass}>
              <div className="flex flex-wrap gap-1">
                {DECISIONS[tab].map((d) => (
                  <button
                    key={d}
                    type="button"
                    disabled={pending}
                    className={`${d === "delete" ? dangerButton : secondaryButton} px-3 py-1`}
                    onClick={() => ask([c.id], d)}
                    aria-label={`${LABEL[d]} ${c.author.displayName} 的评论`}
                  >
                    {LABEL[d]}
                  </button>
                ))}
              </div>
            </td>
          </tr>
        ))}
      </TableShell>
    </div>
  );
}
