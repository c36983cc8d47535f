"use client";

import { useEffect, useState } from "react";

/** Dispatched on window when notices were marked read, so the bell re-reads its count. */
export const NOTIFICATIONS_CHANGED = "byline:notifications-changed";

/**
 * 通知 bell for a signed-in user: the unread count from /api/me/notifications, fetched in the
 * browser so the page around it stays the same for everyone (signed out, the route answers
 * `unread: null` and nothing is shown).
 */
export function NotificationBell() {
  const [unread, setUnread] = useState<number | null>(null);
  // no usePathname(): the header is in every page's shell, and reading the URL here would make
  // the shell dynamic. The count is re-read when the tab comes back or a notice is marked read.
  useEffect(() => {
    let ctrl = new AbortController();
    const load = () => {
      ctrl.abort();
      ctrl = new AbortController();
      fetch("/api/me/notifications", { credentials: "same-origin", cache: "no-store", signal: ctrl.signal })
        .then((r) => (r.ok ? r.json() : null))
        .then((d: { unread?: number | null } | null) =>
          setUnread(typeof d?.unread === "number" ? d.unread : null),
        )
        .catch(() => {});
    };
    const onVisible = () => document.visibilityState === "visible" && load();
    load();
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener(NOTIFICATIONS_CHANGED, load);
    return () => {
      ctrl.abort();
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener(NOTIFICATIONS_CHANGED, load);
    };
  }, []);

  if (unread === null) return null;
  const label = unread ? `通知（${unread} 条未读）` : "通知";
  return (
    <a
      href="/me/notifications"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      className="relative inline-flex h-9 w-9 items-center justify-center rounded text-ink-900 hover:bg-brand-50 hover:text-brand-700"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="h-5 w-5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
      >
        <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      {unread ? (
        <span
          aria-hidden="true"
          data-testid="notification-count"
          className="absolute -right-0.5 -top-0.5 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] font-semibold leading-4 text-white"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </a>
  );
}
