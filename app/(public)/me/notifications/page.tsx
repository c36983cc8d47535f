import type { Metadata } from "next";
import { connection } from "next/server";
import { Suspense } from "react";
import { Pagination } from "@/components/ui/pagination";
import { LoadingPanel } from "@/components/ui/skeleton";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format/beijing-time";
import { listMyNotifications } from "@/lib/services/notifications/list-my-notifications";
import { MarkAllReadButton, NotificationLink } from "./notification-controls";

export const metadata: Metadata = { title: "我的通知", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

async function NotificationList({ searchParams }: Props) {
  // per user: request time only
  await connection();
  const actor = await requireUserOrRedirect("/me/notifications");
  const { items, unread, page, pageCount } = await listMyNotifications(actor, {
    page: (await searchParams).page,
  });
  if (items.length === 0)
    return <p className="rounded bg-white p-8 text-center text-ink-600">还没有通知。</p>;
  return (
    <>
      <div className="mb-3 flex items-center justify-between gap-3">
        <p className="text-sm text-ink-600">{unread ? `${unread} 条未读` : "全部已读"}</p>
        {unread > 0 && <MarkAllReadButton />}
      </div>
      <ul className="divide-y divide-slate-100 rounded bg-white" data-testid="notification-list">
        {items.map((n) => (
          <li key={n.id} className={`p-4 ${n.isRead ? "" : "border-l-4 border-brand-600"}`}>
            <p className="flex flex-wrap items-center gap-2">
              {!n.isRead && <span className="sr-only">未读：</span>}
              {n.url ? (
                <NotificationLink id={n.id} href={n.url} title={n.title} />
              ) : (
                <span className="font-medium text-ink-900">{n.title}</span>
              )}
            </p>
            {n.body && <p className="mt-1 whitespace-pre-wrap break-words text-sm text-ink-900">{n.body}</p>}
            <p className="mt-1 text-xs text-ink-600">
              <time dateTime={n.createdAt.toISOString()}>{formatDateTime(n.createdAt)}</time>
            </p>
          </li>
        ))}
      </ul>
      <Pagination
        page={page}
        pageCount={pageCount}
        href={(p) => (p > 1 ? `/me/notifications?page=${p}` : "/me/notifications")}
      />
    </>
  );
}

/** 我的通知: decisions on the reader's contributions, returned articles, mentions. Per user. */
export default function NotificationsPage({ searchParams }: Props) {
  return (
    <div className="mx-auto w-full max-w-3xl">
      <h1 className="mb-4 text-2xl font-bold text-ink-900">我的通知</h1>
      <Suspense fallback={<LoadingPanel />}>
        <NotificationList searchParams={searchParams} />
      </Suspense>
    </div>
  );
}
