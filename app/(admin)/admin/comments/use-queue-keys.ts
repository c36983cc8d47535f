"use client";

import { useEffect, useRef } from "react";

export type QueueKey = "next" | "prev" | "approve" | "reject" | "spam" | "toggle";

const KEYS: Record<string, QueueKey> = {
  j: "next",
  k: "prev",
  a: "approve",
  r: "reject",
  s: "spam",
  x: "toggle",
};

/** Fields where letters are text, not commands (a checkbox or a button is not one of them). */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest("textarea, select")) return true;
  if (target instanceof HTMLInputElement)
    return !["checkbox", "radio", "button", "submit", "reset"].includes(target.type);
  return false;
}

/**
 * The queue's single-letter shortcuts (j/k move, a/r/s decide, x selects), on the whole page so
 * they work wherever focus is, except while typing in a field, with a modifier held (browser and
 * screen-reader shortcuts stay theirs), or while `paused` (a confirmation or form is open).
 */
export function useQueueKeys(onKey: (key: QueueKey) => void, paused: boolean) {
  const handler = useRef(onKey);
  useEffect(() => {
    handler.current = onKey;
  });
  useEffect(() => {
    if (paused) return;
    const listen = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const key = KEYS[e.key];
      if (!key || isTyping(e.target)) return;
      // holding j scrolls through the list; holding a must not decide twenty comments
      if (e.repeat && key !== "next" && key !== "prev") return;
      e.preventDefault();
      handler.current(key);
    };
    document.addEventListener("keydown", listen);
    return () => document.removeEventListener("keydown", listen);
  }, [paused]);
}
