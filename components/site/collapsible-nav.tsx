"use client";

import { useEffect, useId, useState, type ReactNode } from "react";

/**
 * Below the md breakpoint the header's navigation folds behind a 菜单 button; from md up it is
 * always shown and the button is hidden. Children are server-rendered.
 */
export function CollapsibleNav({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((v) => !v)}
        className="ml-auto flex h-10 w-10 items-center justify-center rounded text-ink-900 hover:bg-brand-50 md:hidden"
      >
        <span className="sr-only">{open ? "关闭菜单" : "打开菜单"}</span>
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6">
          {open ? (
            <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          ) : (
            <path d="M4 7h16M4 12h16M4 17h16" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          )}
        </svg>
      </button>
      <div
        id={id}
        // a followed link closes the panel (a same-page link such as /#hot does not reload it)
        onClick={(e) => {
          if ((e.target as HTMLElement).closest("a")) setOpen(false);
        }}
        className={`${open ? "flex" : "hidden"} s-navpanel`}
      >
        {children}
      </div>
    </>
  );
}
