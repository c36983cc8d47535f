"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { dangerButton, secondaryButton } from "@/components/ui/button";
import { withdrawContributionAction } from "./actions";

/** 撤回: asks in place first (withdrawing is final), then takes the contribution out of review. */
export function WithdrawButton({ id, title }: { id: string; title: string }) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState("");
  const [pending, start] = useTransition();
  const confirmRef = useRef<HTMLButtonElement>(null);

  if (!asking)
    return (
      <button
        type="button"
        className={secondaryButton}
        onClick={() => {
          setError("");
          setAsking(true);
          requestAnimationFrame(() => confirmRef.current?.focus());
        }}
      >
        撤回<span className="sr-only">《{title}》</span>
      </button>
    );
  return (
    <span role="group" aria-label={`撤回《${title}》`} className="flex flex-wrap items-center gap-2">
      <span className="text-sm text-ink-900">撤回后不能恢复，确定吗？</span>
      <button
        ref={confirmRef}
        type="button"
        className={dangerButton}
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await withdrawContributionAction({ id });
            if (!r.ok) return setError(r.error.message);
            setAsking(false);
            router.refresh();
          })
        }
      >
        {pending ? "处理中…" : "确定撤回"}
      </button>
      <button type="button" className={secondaryButton} onClick={() => setAsking(false)}>
        取消
      </button>
      {error && (
        <span role="alert" className="w-full text-sm text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
