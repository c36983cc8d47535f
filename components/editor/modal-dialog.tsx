"use client";

import { useEffect, useRef, type ReactNode } from "react";

type Props = { open: boolean; title: string; onClose: () => void; children: ReactNode };

/** A native modal <dialog>: focus is trapped and Esc closes it, with no library. */
export function ModalDialog({ open, title, onClose, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-label={title}
      onClose={onClose}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="p-5">
        <h2 className="mb-4 text-lg font-semibold text-ink-900">{title}</h2>
        {open ? children : null}
      </div>
    </dialog>
  );
}

export const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-[15px] text-ink-900 placeholder:text-ink-400 focus:border-brand-600 disabled:bg-slate-100";
export const primaryButton =
  "rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:opacity-60";
export const secondaryButton =
  "rounded-md border border-slate-300 bg-white px-4 py-2 text-sm text-ink-900 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-60";
