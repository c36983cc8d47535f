import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { getSiteOverview } from "@/lib/services/admin/get-site-overview";

const LABELS: Record<string, string> = {
  DRAFT: "草稿",
  IN_REVIEW: "审核中",
  SCHEDULED: "定时发布",
  PUBLISHED: "已发布",
  ARCHIVED: "已归档",
  PENDING: "待审核",
  APPROVED: "已通过",
  REJECTED: "已拒绝",
  SPAM: "垃圾评论",
  DELETED: "已删除",
  READER: "读者",
  CONTRIBUTOR: "投稿人",
  TRANSLATOR: "译者",
  EDITOR: "编辑",
  ADMIN: "管理员",
};

function CountTable({
  caption,
  counts,
  keys,
}: {
  caption: string;
  counts: Record<string, number>;
  keys: string[];
}) {
  return (
    <table className="w-full rounded bg-white text-sm" data-testid={`overview-${caption}`}>
      <caption className="px-4 py-3 text-left font-semibold">{caption}</caption>
      <tbody>
        {keys.map((k) => (
          <tr key={k} className="border-t border-slate-100">
            <th scope="row" className="px-4 py-2 text-left font-normal text-ink-600">
              {LABELS[k]}
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
  if (!can(actor, "user.manage")) notFound();
  const o = await getSiteOverview(actor);
  return (
    <div className="grid gap-4 md:grid-cols-3">
      <CountTable
        caption="文章"
        counts={o.articles}
        keys={["DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED", "ARCHIVED"]}
      />
      <CountTable
        caption="评论"
        counts={o.comments}
        keys={["PENDING", "APPROVED", "REJECTED", "SPAM", "DELETED"]}
      />
      <CountTable
        caption="用户"
        counts={o.users}
        keys={["READER", "CONTRIBUTOR", "TRANSLATOR", "EDITOR", "ADMIN"]}
      />
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
