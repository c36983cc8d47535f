"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { secondaryButton } from "@/components/ui/button";
import { staffInputClass } from "@/components/ui/input";
import type { MediaDto } from "@/lib/services/media/media-dto";
import { updateMediaAltAction } from "./actions";

const kb = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;

/** One upload: its picture, facts, 复制地址 and the default alt text (编辑替代文本). */
export function MediaCard({ m, canEdit }: { m: MediaDto; canEdit: boolean }) {
  const router = useRouter();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [alt, setAlt] = useState(m.alt ?? "");
  const [decorative, setDecorative] = useState(m.decorative);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const thumb = m.variants[0];

  async function copy() {
    try {
      await navigator.clipboard.writeText(m.url);
      setMessage("地址已复制");
    } catch {
      setMessage(`请手动复制：${m.url}`);
    }
  }
  async function save(e: React.FormEvent) {
    e.preventDefault();
    const r = await updateMediaAltAction({ id: m.id, alt, decorative });
    if (!r.ok) return setError(r.error.fieldErrors?.alt?.[0] ?? r.error.message);
    setError(null);
    setEditing(false);
    setMessage("替代文本已保存");
    router.refresh();
  }

  const name = m.filename ?? m.url.split("/").pop()!;
  return (
    <li className="flex flex-col gap-2 rounded-lg bg-white p-3 shadow-sm" data-testid="media-card">
      {/* eslint-disable-next-line @next/next/no-img-element -- our own /media files, sized by the grid */}
      <img
        src={thumb?.url ?? m.url}
        alt={m.decorative ? "" : (m.alt ?? "")}
        width={thumb?.width ?? m.width}
        height={thumb?.height ?? m.height}
        loading="lazy"
        className="aspect-video w-full rounded bg-slate-100 object-contain"
      />
      <p className="truncate text-sm font-medium text-ink-900" title={name}>
        {name}
      </p>
      <p className="text-xs text-ink-600">
        {m.width}×{m.height} · {kb(m.size)} · {m.mime.replace("image/", "").toUpperCase()}
        {m.animated && " · 动图"}
      </p>
      <p className="text-sm text-ink-700">
        {m.decorative ? (
          "装饰性图片"
        ) : m.alt ? (
          `替代文本：${m.alt}`
        ) : (
          <span className="text-amber-700">缺少替代文本</span>
        )}
      </p>
      <div className="mt-auto flex flex-wrap gap-2">
        <button type="button" className={secondaryButton} onClick={copy} aria-label={`复制 ${name} 的地址`}>
          复制地址
        </button>
        {canEdit && !editing && (
          <button type="button" className={secondaryButton} onClick={() => setEditing(true)}>
            编辑替代文本
          </button>
        )}
      </div>
      {editing && (
        <form onSubmit={save} className="grid gap-2">
          <label htmlFor={`${id}-alt`} className="text-sm font-medium text-ink-900">
            替代文本
          </label>
          <input
            id={`${id}-alt`}
            value={decorative ? "" : alt}
            disabled={decorative}
            maxLength={200}
            onChange={(e) => setAlt(e.target.value)}
            className={staffInputClass}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-err` : undefined}
          />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={decorative} onChange={(e) => setDecorative(e.target.checked)} />
            装饰性图片
          </label>
          {error && (
            <p id={`${id}-err`} role="alert" className="text-sm text-red-700">
              {error}
            </p>
          )}
          <div className="flex gap-2">
            <button type="submit" className={secondaryButton}>
              保存
            </button>
            <button type="button" className={secondaryButton} onClick={() => setEditing(false)}>
              取消
            </button>
          </div>
        </form>
      )}
      <p aria-live="polite" className="text-xs text-emerald-700">
        {message}
      </p>
    </li>
  );
}
