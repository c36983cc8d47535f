import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { ARTICLE_STATUS_LABELS, COMMENT_STATUS_LABELS, ROLE_LABELS } from "@/lib/labels";
import { getSiteOverview } from "@/lib/services/admin/get-site-overview";

/** One count per enum value, in enum order, named from lib/labels. */
function CountTable({
  caption,
  counts,
  labels,
}: {
  caption: string;
  counts: Record<string, number>;
  labels: Record<string, string>;
}) {
  return (
    <table className="w-full rounded bg-white text-sm" data-testid={`overview-${caption}`}>
      <caption className="px-4 py-3 text-left font-semibold">{caption}</caption>
      <tbody>
        {Object.entries(labels).map(([k, label]) => (
          <tr key={k} className="border-t border-slate-100">
            <th scope="row" className="px-4 py-2 text-left font-normal text-ink-600">
              {label}
            </th>
            <td className="px-4 py-2 text-right tabular-nums">{counts[k] ?? 0}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

async function Overview() {
  await connection(); // per-user page: never prerendered
  const actor = await getCurrentUser();
  // not 403: the admin area does not confirm its existence to those who may not use it
  if (!can(actor, "comment.moderate")) notFound();
  // an editor's part of the admin area is the comment queue
  if (!can(actor, "user.manage")) redirect("/admin/comments");
  const o = await getSiteOverview(actor);
  return (
    <div className="grid gap-4 md:grid-cols-3">
      <CountTable caption="文章" counts={o.articles} labels={ARTICLE_STATUS_LABELS} />
      <CountTable caption="评论" counts={o.comments} labels={COMMENT_STATUS_LABELS} />
      <CountTable caption="用户" counts={o.users} labels={ROLE_LABELS} />
    </div>
  );
}

/** 站点概览: the admin's landing page; the other sections are in the side nav (docs/admin.md). */
export default function AdminHome() {
  return (
    <>
      <h1 className="mb-4 text-xl font-bold">站点概览</h1>
      <Suspense fallback={<p className="text-ink-600">正在加载统计…</p>}>
        <Overview />
      </Suspense>
    </>
  );
}
