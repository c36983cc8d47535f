import type { DayViews } from "@/lib/services/admin/dashboard/view-stats";
import { ViewsChart } from "./views-chart";

const TITLE = "近 30 天每日阅读量（北京时间）";

/**
 * The chart in a box of fixed height (reserved before the client chart measures it), or the
 * empty state in the same box; the figures again as a table in a <details> for screen readers
 * and keyboard users.
 */
export function ViewsSection({ days }: { days: DayViews[] }) {
  const total = days.reduce((s, d) => s + d.views, 0);
  return (
    <section aria-labelledby="dash-views" className="rounded-lg bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="dash-views" className="text-lg font-semibold">
          近 30 天阅读量
        </h2>
        <p className="text-sm text-ink-600">
          合计 <span data-testid="views-total">{total.toLocaleString("zh-CN")}</span> 次 · 按北京时间计日
        </p>
      </div>
      <figure className="mt-3" aria-label={TITLE} data-testid="views-chart">
        <div className="h-64 w-full">
          {total > 0 ? (
            <ViewsChart days={days} title={TITLE} />
          ) : (
            <p className="flex h-full items-center justify-center rounded border border-dashed border-slate-200 text-ink-600">
              近 30 天还没有阅读记录。文章被阅读后，这里会按天显示阅读量。
            </p>
          )}
        </div>
      </figure>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-brand-700">以表格查看每日阅读量</summary>
        <table className="mt-2 w-full max-w-sm text-left" data-testid="views-table">
          <caption className="sr-only">{TITLE}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-ink-600">
              <th scope="col" className="py-1 font-medium">
                日期
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                阅读量
              </th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day} className="border-b border-slate-100">
                <th scope="row" className="py-1 font-normal">
                  {d.day}
                </th>
                <td className="py-1 text-right tabular-nums">{d.views.toLocaleString("zh-CN")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
