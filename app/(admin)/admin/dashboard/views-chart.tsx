"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { DayViews } from "@/lib/services/admin/dashboard/view-stats";

const BRAND_500 = "#2f6fde";
const tick = { fontSize: 12, fill: "#4a5568" };

/**
 * The bars of 近 30 天阅读量. Its box is sized by the caller (a fixed height), so the chart,
 * which measures that box after hydration, appears inside reserved space and nothing moves.
 * Data come from the server as props; the same figures are in a table beside it.
 */
export function ViewsChart({ days, title }: { days: DayViews[]; title: string }) {
  return (
    <BarChart
      responsive
      data={days}
      title={title}
      aria-label={title}
      style={{ width: "100%", height: "100%" }}
      margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
    >
      <CartesianGrid vertical={false} stroke="#e2e8f0" />
      <XAxis dataKey="day" tick={tick} tickFormatter={(d: string) => d.slice(5)} minTickGap={16} />
      <YAxis tick={tick} allowDecimals={false} width={48} />
      <Tooltip
        labelFormatter={(d) => `${String(d)}（北京时间）`}
        formatter={(v) => [`${Number(v).toLocaleString("zh-CN")} 次`, "阅读量"]}
        cursor={{ fill: "#eef4ff" }}
      />
      <Bar dataKey="views" name="阅读量" fill={BRAND_500} isAnimationActive={false} />
    </BarChart>
  );
}
