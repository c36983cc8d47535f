import "server-only";
import Link from "next/link";
import type { Actor } from "@/lib/authz";
import { formatDateTime } from "@/lib/format/beijing-time";
import { listMissedSchedules } from "@/lib/services/articles/list-missed-schedules";

/**
 * For the dashboard: 错过定时的文章, schedules the server missed (it was down at the time) and
 * published late, in the last 7 days. Nothing at all when there are none.
 */
export async function MissedSchedulesList({ actor }: { actor: Actor }) {
  const items = await listMissedSchedules(actor);
  if (!items.length) return null;
  return (
    <section aria-labelledby="missed-schedules" className="rounded-lg border border-red-200 bg-red-50 p-4">
      <h2 id="missed-schedules" className="text-lg font-semibold text-red-900">
        错过定时的文章 <span className="text-sm font-normal text-red-800">（{items.length} 篇）</span>
      </h2>
      <p className="mt-1 text-sm text-red-900">
        服务器在预定时间未运行，这些文章在恢复后才发布，发布时间按实际发布时刻记录。请检查是否需要调整或告知读者。
      </p>
      <ul className="mt-2 divide-y divide-red-100">
        {items.map((a) => (
          <li key={a.id} className="flex flex-col gap-1 py-2 sm:flex-row sm:items-center sm:gap-4">
            <Link
              href={`/editor/articles/${a.id}`}
              className="min-w-0 flex-1 font-medium text-ink-900 hover:text-brand-600"
            >
              {a.title || "（无标题）"}
            </Link>
            <span className="text-xs text-ink-900">
              预定{" "}
              <time dateTime={a.missedScheduleAt.toISOString()}>{formatDateTime(a.missedScheduleAt)}</time>
              {a.publishedAt && (
                <>
                  {" "}
                  · 实际发布{" "}
                  <time dateTime={a.publishedAt.toISOString()}>{formatDateTime(a.publishedAt)}</time>
                </>
              )}
            </span>
            {a.status === "PUBLISHED" && (
              <a href={`/posts/${a.publicId}`} className="text-xs text-brand-700 underline">
                查看文章
              </a>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
