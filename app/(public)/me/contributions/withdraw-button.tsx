"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ModalDialog } from "@/components/editor/modal-dialog";
import { dangerButton, secondaryButton } from "@/components/ui/button";
import { withdrawContributionAction } from "./actions";

/** 撤回: asks first, then takes the contribution out of review for good. */
export function WithdrawButton({ id, title }: { id: string; title: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState("");
  const [pending, start] = useTransition();
  return (
    <>
      <button type="button" className={secondaryButton} onClick={() => (setError(""), setOpen(true))}>
        撤回<span className="sr-only">《{title}》</span>
      </button>
      <ModalDialog open={open} title="撤回投稿" onClose={() => setOpen(false)}>
        <p className="text-sm text-ink-900">
          撤回后编辑将不再处理《{title}》，撤回的投稿不能恢复。确定撤回吗？
        </p>
        {error && (
          <p role="alert" className="mt-2 text-sm text-red-700">
            {error}
          </p>
        )}
        <div className="mt-4 flex justify-end gap-2">
          <button type="button" className={secondaryButton} onClick={() => setOpen(false)}>
            取消
          </button>
          <button
            type="button"
            className={dangerButton}
            disabled={pending}
            onClick={() =>
              start(async () => {
                const r = await withdrawContributionAction({ id });
                if (!r.ok) return setError(r.error.message);
                setOpen(false);
                router.refresh();
              })
            }
          >
            {pending ? "处理中…" : "确定撤回"}
          </button>
        </div>
      </ModalDialog>
    </>
  );
}
