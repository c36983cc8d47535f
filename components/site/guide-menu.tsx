"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";

type GuideLink = { href: string; label: string; description: string; newTab?: boolean };

/**
 * 导读: a disclosure navigation menu (WAI-ARIA APG "disclosure navigation"): a button that shows a
 * list of links. Enter/Space toggle, ArrowDown opens and focuses the first link, arrows/Home/End
 * move between links, Escape closes and returns focus, leaving with Tab or a click outside closes.
 */
export function GuideMenu({ links }: { links: GuideLink[] }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);

  const items = () =>
    Array.from(root.current?.querySelectorAll<HTMLAnchorElement>("a[data-guide-item]") ?? []);
  const focusItem = (index: number) => {
    const all = items();
    all[(index + all.length) % all.length]?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const all = items();
    const current = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (e.key === "Escape" && open) {
      e.preventDefault();
      setOpen(false);
      button.current?.focus();
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) setOpen(true);
      // wait a frame for the list to render before moving focus into it
      requestAnimationFrame(() =>
        focusItem(
          current === -1 ? (e.key === "ArrowDown" ? 0 : -1) : current + (e.key === "ArrowDown" ? 1 : -1),
        ),
      );
    } else if (open && current !== -1 && (e.key === "Home" || e.key === "End")) {
      e.preventDefault();
      focusItem(e.key === "Home" ? 0 : -1);
    }
  };

  return (
    <div
      ref={root}
      className="relative"
      onKeyDown={onKeyDown}
      onBlur={(e) => {
        if (!root.current?.contains(e.relatedTarget as Node)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((v) => !v)}
        className="flex w-full items-center gap-1 rounded px-3 py-2 text-left text-ink-900 hover:bg-brand-50 hover:text-brand-700 md:w-auto"
      >
        导读
        <svg
          aria-hidden="true"
          viewBox="0 0 12 12"
          className={`h-3 w-3 transition-transform ${open ? "rotate-180" : ""}`}
        >
          <path d="M2 4l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.6" />
        </svg>
      </button>
      <ul
        id={id}
        hidden={!open}
        className="z-30 mt-1 min-w-56 rounded-md border border-slate-200 bg-white p-1 shadow-lg md:absolute md:left-0 md:top-full"
      >
        {links.map((l, i) => (
          <li key={`${i}-${l.href}`}>
            <a
              href={l.href}
              data-guide-item
              onClick={() => setOpen(false)}
              className="s-guide-a"
              // a new window gets neither window.opener nor the referrer
              {...(l.newTab ? { target: "_blank", rel: "noopener noreferrer" } : {})}
            >
              <span className="block text-sm font-medium text-ink-900">
                {l.label}
                {l.newTab && <span className="sr-only">（在新窗口打开）</span>}
              </span>
              {l.description && <span className="block text-xs text-ink-600">{l.description}</span>}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
