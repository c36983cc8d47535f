"use client";

import Link from "next/link";
import { useId, useState, useTransition } from "react";
import { secondaryButton } from "@/components/ui/button";
import { inputClass } from "@/components/ui/input";
import { formatDateTime } from "@/lib/format/beijing-time";
import type { PreviewLinkItem, PreviewLinkState } from "@/lib/services/preview/list-preview-links";
import { createPreviewLinkAction, listPreviewLinksAction, revokePreviewLinkAction } from "./preview-actions";

const VALIDITY: [hours: number, label: string][] = [
  [1, "1 小时"],
  [24, "1 天"],
  [48, "2 天（默认）"],
  [168, "7 天"],
];

const STATE_LABELS: Record<PreviewLinkState, string> = {
  active: "有效",
  expired: "已过期",
  revoked: "已撤销",
};

/**
 * 预览与分享: opens the staff preview, and makes preview links for people without an account.
 * A new link's address is shown once (only its hash is kept) with a copy button; links are
 * listed with their state and can be revoked at once.
 */
export function PreviewPanel({ articleId }: { articleId: string }) {
  const [hours, setHours] = useState(48);
  const [created, setCreated] = useState<{ url: string; expiresAt: Date } | null>(null);
  const [links, setLinks] = useState<PreviewLinkItem[] | null>(null);
  const [message, setMessage] = useState("");
  const [copied, setCopied] = useState(false);
  const [pending, start] = useTransition();
  const id = useId();

  const load = () =>
    start(async () => {
      const r = await listPreviewLinksAction(articleId);
      if (r.ok) setLinks(r.data);
      else setMessage(r.error.message);
    });
  const create = () =>
    start(async () => {
      setMessage("");
      setCopied(false);
      const r = await createPreviewLinkAction({ articleId, hours });
      if (!r.ok) return setMessage(r.error.message);
      setCreated(r.data);
      const list = await listPreviewLinksAction(articleId);
      if (list.ok) setLinks(list.data);
    });
  const revoke = (linkId: string) =>
    start(async () => {
      setMessage("");
      const r = await revokePreviewLinkAction({ articleId, linkId });
      if (!r.ok) return setMessage(r.error.message);
      const list = await listPreviewLinksAction(articleId);
      if (list.ok) setLinks(list.data);
    });
  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setMessage("无法访问剪贴板，请手动选中链接复制。");
    }
  };

  return (
    <details
      className="rounded-lg bg-white"
      data-testid="preview-panel"
      onToggle={(e) => (e.currentTarget.open && !links ? load() : undefined)}
    >
      <summary className="cursor-pointer select-none px-4 py-3 text-sm font-semibold text-ink-900">
        预览与分享
      </summary>
      <div className="space-y-3 px-4 pb-4 text-sm">
        <p>
          <Link
            href={`/editor/articles/${articleId}/preview`}
            target="_blank"
            className="text-brand-700 underline"
          >
            预览（新窗口打开）
          </Link>
          <span className="block text-xs text-ink-600">
            预览显示最近一次保存的内容，与读者看到的页面一致。
          </span>
        </p>
        <div className="flex flex-wrap items-end gap-2">
          <label htmlFor={`${id}-hours`} className="w-full text-ink-900">
            预览链接有效期
          </label>
          <select
            id={`${id}-hours`}
            value={hours}
            onChange={(e) => setHours(Number(e.target.value))}
            className={`${inputClass()} w-auto`}
          >
            {VALIDITY.map(([h, label]) => (
              <option key={h} value={h}>
                {label}
              </option>
            ))}
          </select>
          <button type="button" className={secondaryButton} disabled={pending} onClick={create}>
            生成预览链接
          </button>
        </div>
        <p className="text-xs text-ink-600">
          持有链接的人无需登录即可查看这篇文章（不会被搜索引擎收录），到期或撤销后立即失效。
        </p>
        {message && (
          <p role="alert" className="text-red-700">
            {message}
          </p>
        )}
        {created && (
          <div
            className="space-y-1 rounded border border-amber-300 bg-amber-50 p-2"
            data-testid="new-preview-link"
          >
            <label htmlFor={`${id}-url`} className="block font-medium">
              新的预览链接（只显示这一次，请现在复制）
            </label>
            <input
              id={`${id}-url`}
              readOnly
              value={created.url}
              onFocus={(e) => e.currentTarget.select()}
              className={inputClass()}
            />
            <div className="flex items-center gap-2">
              <button type="button" className={secondaryButton} onClick={() => void copy(created.url)}>
                复制链接
              </button>
              <span role="status" className="text-xs text-ink-600">
                {copied ? "已复制。" : `有效期至 ${formatDateTime(created.expiresAt)}`}
              </span>
            </div>
          </div>
        )}
        {pending && !links && <p role="status">加载中…</p>}
        {links && links.length === 0 && <p className="text-ink-600">还没有预览链接。</p>}
        {links && links.length > 0 && (
          <ul className="divide-y divide-slate-100" aria-label="预览链接列表">
            {links.map((l) => (
              <li
                key={l.id}
                className="flex flex-wrap items-center gap-x-2 py-2"
                data-testid="preview-link-row"
              >
                <span className={l.state === "active" ? "font-medium text-green-800" : "text-ink-600"}>
                  {STATE_LABELS[l.state]}
                </span>
                <span className="text-xs text-ink-600">
                  {l.createdByName} 创建于 {formatDateTime(l.createdAt)}，
                  {l.state === "revoked" && l.revokedAt
                    ? `撤销于 ${formatDateTime(l.revokedAt)}`
                    : `${l.state === "expired" ? "已于" : ""}${formatDateTime(l.expiresAt)} 到期`}
                </span>
                {l.state === "active" && (
                  <button
                    type="button"
                    disabled={pending}
                    className="ml-auto text-brand-700 underline"
                    onClick={() => revoke(l.id)}
                  >
                    撤销<span className="sr-only">（{formatDateTime(l.createdAt)} 创建的链接）</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}
