import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { can } from "@/lib/authz";
import { formatDateTime } from "@/lib/format/beijing-time";
import { getDashboard } from "@/lib/services/admin/dashboard/get-dashboard";
import { DashboardSkeleton } from "./dashboard/dashboard-skeleton";
import { TopLists } from "./dashboard/top-lists";
import { ViewsSection } from "./dashboard/views-section";
import { WorkSection } from "./dashboard/work-section";
import { adminActor } from "./gate";

export const metadata: Metadata = { title: "站点概览" };

async function Dashboard() {
  // moderators may open /admin (lib/auth/staff-paths.ts): an editor's part of it is the comment queue
  const actor = await adminActor("comment.moderate");
  if (!can(actor, "dashboard.view")) redirect("/admin/comments");
  const d = await getDashboard(actor);
  return (
    <div className="space-y-6">
      <p className="text-sm text-ink-600">
        数据截至 <time dateTime={d.generatedAt.toISOString()}>{formatDateTime(d.generatedAt)}</time>
        （北京时间），每个数字都链接到对应的列表。
      </p>
      <WorkSection c={d} />
      <ViewsSection days={d.days} />
      <TopLists top={d.top} />
    </div>
  );
}

/** 站点概览: the admin's landing page; the other sections are in the side nav (docs/admin.md). */
export default function AdminHome() {
  return (
    <>
      <h1 className="mb-4 text-xl font-bold">站点概览</h1>
      <Suspense fallback={<DashboardSkeleton />}>
        <Dashboard />
      </Suspense>
    </>
  );
}
