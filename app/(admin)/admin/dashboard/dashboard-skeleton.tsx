/**
 * While the figures load: the same boxes at the same sizes (the chart's h-64 box included), so
 * the page does not move when they arrive.
 */
export function DashboardSkeleton() {
  const block = "animate-pulse rounded-lg bg-white";
  return (
    <div role="status" aria-live="polite" className="space-y-6">
      <span className="sr-only">正在加载站点概览…</span>
      <div aria-hidden="true" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className={`${block} h-24`} />
        ))}
      </div>
      <div aria-hidden="true" className={`${block} h-80`} />
      <div aria-hidden="true" className="grid gap-4 lg:grid-cols-2">
        <div className={`${block} h-64`} />
        <div className={`${block} h-64`} />
      </div>
    </div>
  );
}
