import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/ui/pagination";
import { TableShell, tdClass } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format/beijing-time";
import { listCommentBans } from "@/lib/services/moderation/list-comment-bans";
import { adminActor, param, type SearchParams } from "../../gate";
import { LiftBanButton } from "./lift-ban-button";

export const metadata: Metadata = { title: "禁言名单" };

/** 禁言名单 (editors and admins): bans in force, with 解除. Bans are made from the queue or a user's page. */
export default async function BansPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await adminActor("comment.moderate");
  const list = await listCommentBans(actor, { page: param((await searchParams).page) || 1 });
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/admin/comments" className="text-brand-700 hover:underline">
          ← 返回评论审核
        </Link>
      </p>
      <h1 className="text-xl font-bold">禁言名单</h1>
      {list.items.length ? (
        <>
          <TableShell
            caption={`正在禁言：${list.total} 人`}
            columns={["用户", "原因", "期限", "操作人", "操作"]}
            testId="ban-table"
          >
            {list.items.map((b) => (
              <tr key={b.id} data-testid="ban-row">
                <th scope="row" className={`${tdClass} font-normal`}>
                  <Link
                    href={`/admin/comments?user=${encodeURIComponent(b.user.id)}`}
                    className="text-brand-700 hover:underline"
                  >
                    {b.user.displayName}
                  </Link>
                </th>
                <td className={`${tdClass} max-w-xs whitespace-pre-wrap break-words`}>{b.reason}</td>
                <td className={tdClass}>{b.expiresAt ? `至 ${formatDateTime(b.expiresAt)}` : "永久"}</td>
                <td className={tdClass}>
                  {b.createdBy}
                  <br />
                  <time dateTime={b.createdAt.toISOString()} className="text-xs text-ink-600">
                    {formatDateTime(b.createdAt)}
                  </time>
                </td>
                <td className={tdClass}>
                  <LiftBanButton banId={b.id} displayName={b.user.displayName} />
                </td>
              </tr>
            ))}
          </TableShell>
          <Pagination
            page={list.page}
            pageCount={list.pageCount}
            total={list.total}
            href={(p) => (p > 1 ? `/admin/comments/bans?page=${p}` : "/admin/comments/bans")}
          />
        </>
      ) : (
        <p className="rounded-lg bg-white p-8 text-center text-ink-600">目前没有被禁言的用户。</p>
      )}
    </div>
  );
}
