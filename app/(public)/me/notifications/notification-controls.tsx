"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { NOTIFICATIONS_CHANGED } from "@/components/site/notification-bell";
import { secondaryButton } from "@/components/ui/button";
import { markAllReadAction, openNotificationAction } from "./actions";

/** The notice's title: following it marks it read first (without JavaScript it is a plain link). */
export function NotificationLink({ id, href, title }: { id: string; href: string; title: string }) {
  const router = useRouter();
  const [, start] = useTransition();
  return (
    <a
      href={href}
      className="font-medium text-ink-900 hover:text-brand-600"
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey) return;
        e.preventDefault();
        start(async () => {
          const r = await openNotificationAction({ id });
          window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
          router.push(r.ok ? r.data.url : href);
        });
      }}
    >
      {title}
    </a>
  );
}

export function MarkAllReadButton() {
  const router = useRouter();
  const [error, setError] = useState("");
  const [pending, start] = useTransition();
  return (
    <span className="flex items-center gap-2">
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
      <button
        type="button"
        className={secondaryButton}
        disabled={pending}
        onClick={() =>
          start(async () => {
            setError("");
            const r = await markAllReadAction({});
            if (!r.ok) return setError(r.error.message);
            window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
            router.refresh();
          })
        }
      >
        全部标为已读
      </button>
    </span>
  );
}
