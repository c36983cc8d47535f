"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { dangerButton, secondaryButton } from "@/components/ui/button";
import type { ModerationItem, ModerationTab } from "@/lib/services/moderation/list-comments-for-moderation";
import { moderateCommentsAction } from "./actions";
import { DECISIONS, LABEL, type Decision } from "./decisions";
import { ModerationRow } from "./moderation-row";
import { ShortcutHelp } from "./shortcut-help";
import { useQueueKeys, type QueueKey } from "./use-queue-keys";

type Message = { tone: "ok" | "error"; text: string };

/**
 * The moderation list. One row is current (j/k, a click, or Tab: a roving tabindex, marked
 * aria-selected with a focus ring); a/r/s decide the selection when there is one, else the
 * current row; x toggles the current row's checkbox. Results are announced in a live region.
 * Deleting asks once more. Bodies are rendered as text, so markup in a comment stays inert.
 */
export function ModerationTable({
  items,
  tab,
  empty,
}: {
  items: ModerationItem[];
  tab: ModerationTab;
  /** what an empty list says */
  empty: string;
}) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [cursor, setCursor] = useState(-1);
  const [confirmDelete, setConfirmDelete] = useState<string[] | null>(null);
  const [banFor, setBanFor] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [pending, start] = useTransition();
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);
  const allowed = DECISIONS[tab];
  const live = new Set(items.map((i) => i.id));
  const chosen = [...selected].filter((id) => live.has(id));
  const allChecked = items.length > 0 && items.every((i) => selected.has(i.id));

  // after a decision the list refreshes without the decided rows: stay at the same place
  const current = Math.min(cursor, items.length - 1);
  useEffect(() => {
    if (current < 0) return;
    const row = rows.current[current];
    if (row && (document.activeElement === document.body || !document.activeElement?.isConnected))
      row.focus();
  }, [items, current]);

  const moveTo = (i: number) => {
    const next = Math.max(0, Math.min(items.length - 1, i));
    setCursor(next);
    rows.current[next]?.focus();
  };

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

  const onKey = (key: QueueKey) => {
    if (key === "next") return moveTo(current < 0 ? 0 : current + 1);
    if (key === "prev") return moveTo(current < 0 ? 0 : current - 1);
    const item = items[current];
    if (key === "toggle") {
      if (item) toggle(item.id);
      return;
    }
    const ids = chosen.length ? chosen : item ? [item.id] : [];
    if (!ids.length) return setMessage({ tone: "error", text: "请先用 j / k 选中一条评论。" });
    if (!allowed.includes(key))
      return setMessage({ tone: "error", text: `此列表中的评论不能${LABEL[key]}。` });
    if (!pending) run(ids, key);
  };
  useQueueKeys(onKey, confirmDelete !== null || banFor !== null);

  return (
    <div className="space-y-3">
      {items.length > 0 && <ShortcutHelp />}
      <div
        className={`${items.length ? "flex" : "hidden"} flex-wrap items-center gap-2 rounded-lg bg-white p-3`}
        role="toolbar"
        aria-label="批量操作"
      >
        <span className="text-sm text-ink-600">已选 {chosen.length} 条</span>
        {allowed.map((d) => (
          <button
            key={d}
            type="button"
            disabled={pending || chosen.length === 0}
            className={d === "delete" ? dangerButton : secondaryButton}
            onClick={() => ask(chosen, d)}
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
      <div role="status" aria-live="polite" data-testid="moderation-status">
        {message && (
          <p
            className={`rounded-md p-3 text-sm ${message.tone === "error" ? "bg-red-50 text-red-800" : "bg-green-50 text-green-800"}`}
          >
            {message.text}
          </p>
        )}
      </div>
      {items.length === 0 && <p className="rounded-lg bg-white p-8 text-center text-ink-600">{empty}</p>}
      <div className={`${items.length ? "" : "hidden"} overflow-x-auto rounded-lg bg-white`}>
        <table
          role="grid"
          aria-label="评论列表"
          aria-readonly="true"
          className="w-full min-w-[44rem] border-collapse text-left text-sm"
          data-testid="moderation-table"
        >
          <thead>
            <tr>
              <th scope="col" className="w-10 border-b border-slate-200 px-3 py-2">
                <input
                  type="checkbox"
                  aria-label="全选本页评论"
                  checked={allChecked}
                  onChange={() => setSelected(allChecked ? new Set() : new Set(items.map((i) => i.id)))}
                />
              </th>
              {["评论", "文章", "操作"].map((h) => (
                <th
                  key={h}
                  scope="col"
                  className="border-b border-slate-200 px-3 py-2 font-medium text-ink-600"
                >
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((c, i) => (
              <ModerationRow
                key={c.id}
                ref={(el) => void (rows.current[i] = el)}
                item={c}
                decisions={allowed}
                isCurrent={i === current}
                isTabStop={i === Math.max(current, 0)}
                isChecked={selected.has(c.id)}
                disabled={pending}
                isBanOpen={banFor === c.id}
                onFocusRow={() => setCursor(i)}
                onToggle={() => toggle(c.id)}
                onDecide={(d) => ask([c.id], d)}
                onBan={(open) => setBanFor(open ? c.id : null)}
              />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
