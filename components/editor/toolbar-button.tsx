"use client";

import type { ReactNode } from "react";

type Props = {
  label: string;
  /** shown in the tooltip and announced via aria-keyshortcuts, e.g. "Mod+B" */
  shortcut?: string;
  active?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
};

const isMac = () => typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
const pretty = (s: string) => s.replace("Mod", isMac() ? "⌘" : "Ctrl").replace("Alt", isMac() ? "⌥" : "Alt");
const aria = (s: string) => s.replace("Mod", isMac() ? "Meta" : "Control");

/** One toolbar button: labelled for screen readers, pressed state for marks and blocks. */
export function ToolbarButton({ label, shortcut, active, disabled, onClick, children }: Props) {
  return (
    <button
      type="button"
      aria-label={label}
      title={shortcut ? `${label}（${pretty(shortcut)}）` : label}
      aria-keyshortcuts={shortcut ? aria(shortcut) : undefined}
      aria-pressed={active === undefined ? undefined : active}
      disabled={disabled}
      // keep the editor's selection: a mouse press must not move focus away from it
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
      className={`inline-flex h-9 min-w-9 items-center justify-center rounded px-2 text-sm text-ink-900 hover:bg-slate-100 disabled:opacity-40 ${
        active ? "bg-brand-100 text-brand-700" : ""
      }`}
    >
      {children}
    </button>
  );
}
