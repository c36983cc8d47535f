"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { primaryButton, secondaryButton } from "@/components/ui/button";
import { RowError } from "@/components/ui/row-actions";
import type { PageSlug } from "@/lib/services/pages/schemas";
import { restorePageRevisionAction } from "../../../actions";

type Props = { slug: PageSlug; revisionId: string; version: number };

/** 恢复此版本, after a confirmation; then the editor opens with the restored text. */
export function RestoreButton({ slug, revisionId, version }: Props) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState("");
  const [pending, start] = useTransition();
  const restore = () =>
    start(async () => {
      setError("");
      const r = await restorePageRevisionAction({ slug, revisionId, version });
      if (r.ok) router.push(`/admin/pages/${slug}?restored=1`);
      else setError(r.error.message);
    });
  return (
    <div>
      {asking ? (
        <div role="alertdialog" aria-labelledby="restore-question" className="space-y-2">
          <p id="restore-question" className="text-sm">
            把页面恢复为这个版本吗？当前内容会保留在历史版本中，公开页面会立即更新。
          </p>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              autoFocus
              disabled={pending}
              aria-busy={pending || undefined}
              className={primaryButton}
              onClick={restore}
            >
              {pending ? "恢复中…" : "确认恢复"}
            </button>
            <button type="button" className={secondaryButton} onClick={() => setAsking(false)}>
              取消
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className={primaryButton} onClick={() => setAsking(true)}>
          恢复此版本
        </button>
      )}
      <RowError message={error} />
    </div>
  );
}
