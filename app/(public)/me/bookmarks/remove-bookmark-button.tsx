"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

export function RemoveBookmarkButton({ publicId, title }: { publicId: string; title: string }) {
  const router = useRouter();
  const [error, setError] = useState("");
  const [pending, startTransition] = useTransition();

  async function remove() {
    setError("");
    const r = await fetch(`/api/bookmarks/${encodeURIComponent(publicId)}`, {
      method: "DELETE",
      credentials: "same-origin",
    });
    if (!r.ok) {
      setError("取消失败，请稍后重试。");
      return;
    }
    startTransition(() => router.refresh());
  }

  return (
    <div className="shrink-0 text-right">
      <button
        type="button"
        onClick={remove}
        aria-label={`取消收藏：${title}`}
        disabled={pending}
        className="rounded border border-slate-300 px-3 py-1 text-sm text-ink-600 hover:border-red-400 hover:text-red-700 disabled:opacity-60"
      >
        取消收藏
      </button>
      <p role="status" className="text-xs text-red-700">
        {error}
      </p>
    </div>
  );
}
