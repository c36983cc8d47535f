"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { secondaryButton } from "@/components/ui/button";
import { liftCommentBanAction } from "../actions";

/** 解除: one click (a ban is easy to make again); the list refreshes, a failure is announced. */
export function LiftBanButton({ banId, displayName }: { banId: string; displayName: string }) {
  const router = useRouter();
  const [error, setError] = useState("");
  const [pending, start] = useTransition();
  const lift = () =>
    start(async () => {
      setError("");
      const r = await liftCommentBanAction({ banId });
      if (!r.ok) setError(r.error.message);
      router.refresh();
    });
  return (
    <div>
      <button
        type="button"
        className={`${secondaryButton} px-3 py-1`}
        disabled={pending}
        onClick={lift}
        aria-label={`解除 ${displayName} 的禁言`}
      >
        {pending ? "处理中…" : "解除"}
      </button>
      {error && (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
