"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { smallButton } from "@/components/ui/row-actions";
import { revokeTokenAction } from "./actions";

/** 撤销: asks first; the token stops working on its very next request. */
export function RevokeButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const click = () => {
    if (!window.confirm(`撤销令牌「${name}」？使用它的集成会立即失去访问权限，且无法恢复。`)) return;
    start(async () => {
      const res = await revokeTokenAction({ id });
      if (res.ok) router.refresh();
      else setError(res.error.message);
    });
  };
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        className={smallButton}
        disabled={pending}
        onClick={click}
        aria-label={`撤销令牌 ${name}`}
      >
        {pending ? "撤销中…" : "撤销"}
      </button>
      <span aria-live="polite" className="text-xs text-red-700">
        {error}
      </span>
    </span>
  );
}
