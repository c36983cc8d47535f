"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { secondaryButton } from "@/components/ui/button";
import { RowError, smallButton } from "@/components/ui/row-actions";
import type { PageSlug } from "@/lib/services/pages/schemas";
import { createPageAction } from "./actions";

/** 创建页面 for a footer page whose row is missing: default title, empty body; then its editor opens. */
export function CreatePageButton({ slug, label }: { slug: PageSlug; label: string }) {
  const router = useRouter();
  const [error, setError] = useState("");
  const [pending, start] = useTransition();
  return (
    <>
      <button
        type="button"
        disabled={pending}
        aria-busy={pending || undefined}
        className={`${secondaryButton} ${smallButton}`}
        aria-label={`创建「${label}」页面`}
        onClick={() =>
          start(async () => {
            setError("");
            const r = await createPageAction({ slug });
            if (r.ok) router.push(`/admin/pages/${slug}`);
            else setError(r.error.message);
          })
        }
      >
        {pending ? "创建中…" : "创建页面"}
      </button>
      <RowError message={error} />
    </>
  );
}
