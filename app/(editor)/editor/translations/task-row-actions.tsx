"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { secondaryButton } from "@/components/ui/button";
import { assignTranslationTaskAction, claimTranslationTaskAction } from "./actions";

/** 认领: takes a task from 待认领; the list refreshes so it moves to 我的翻译. */
export function ClaimButton({ articleId, label }: { articleId: string; label: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState("");
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <button
        type="button"
        disabled={pending}
        aria-busy={pending || undefined}
        className={secondaryButton}
        aria-label={`认领：${label}`}
        onClick={() =>
          start(async () => {
            setError("");
            const r = await claimTranslationTaskAction({ articleId });
            if (!r.ok) return setError(r.error.message);
            router.push(`/editor/articles/${articleId}/translate`);
          })
        }
      >
        {pending ? "认领中…" : "认领"}
      </button>
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}

type AssignProps = {
  articleId: string;
  label: string;
  current: string | null;
  dueAt: string | null;
  translators: { id: string; displayName: string }[];
};

/** 改派 (editors): another translator, or back to 待认领; the due time stays as it was. */
export function AssignControl({ articleId, label, current, dueAt, translators }: AssignProps) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [value, setValue] = useState(current ?? "");
  const [error, setError] = useState("");
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <select
        aria-label={`译者：${label}`}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        className="rounded border border-slate-300 px-1 py-0.5 text-sm"
      >
        <option value="">待认领</option>
        {translators.map((t) => (
          <option key={t.id} value={t.id}>
            {t.displayName}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={pending || value === (current ?? "")}
        className="rounded px-2 py-0.5 text-sm text-brand-700 underline disabled:text-ink-400 disabled:no-underline"
        onClick={() =>
          start(async () => {
            setError("");
            const r = await assignTranslationTaskAction({ articleId, translatorId: value, dueAt: dueAt });
            if (!r.ok) return setError(r.error.message);
            router.refresh();
          })
        }
      >
        {pending ? "保存中…" : "改派"}
      </button>
      {error && (
        <span role="alert" className="w-full text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
