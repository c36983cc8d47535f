import "server-only";
import { assertCan, type Actor } from "@/lib/authz";
import { loadViewStats, type ViewStats } from "./view-stats";
import { loadWorkCounts, type WorkCounts } from "./work-counts";

export type Dashboard = WorkCounts & ViewStats & { generatedAt: Date };

/**
 * 站点概览 (admins): what waits for someone and what readers read. Four bounded statements run
 * side by side, all aggregated in PostgreSQL; nothing is cached, so every figure is the one its
 * list shows at that moment (docs/admin.md). `now` is for tests.
 */
export async function getDashboard(actor: Actor | null, opts: { now?: Date } = {}): Promise<Dashboard> {
  assertCan(actor, "dashboard.view");
  const now = opts.now ?? new Date();
  const [counts, views] = await Promise.all([loadWorkCounts(now), loadViewStats(now)]);
  return { ...counts, ...views, generatedAt: now };
}
