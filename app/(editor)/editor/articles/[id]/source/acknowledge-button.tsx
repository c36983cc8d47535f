"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { primaryButton } from "@/components/ui/button";
import { acknowledgeSourceUpdateAction } from "./actions";

/** 我已处理: names the snapshot shown, so a newer change fetched meanwhile is not waved through. */
export function AcknowledgeButton({ articleId, snapshotId }: { articleId: string; snapshotId: string }) {
  const router = useRouter();
  const [isPending, start] = useTransition();
  const [error, setError] = useState("");
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        disabled={isPending}
        className={primaryButton}
        onClick={() =>
          start(async () => {
            setError("");
            const r = await acknowledgeSourceUpdateAction({ articleId, snapshotId });
            if (!r.ok) return setError(r.error.message);
            router.refresh();
          })
        }
      >
        {isPending ? "正在保存…" : "我已处理"}
      </button>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
