/** The loading state of an admin list: a heading bar and table rows. */
export function ListSkeleton({ label = "正在加载…" }: { label?: string }) {
  return (
    <div role="status" aria-live="polite" className="space-y-3">
      <span className="sr-only">{label}</span>
      <div className="h-7 w-40 animate-pulse rounded bg-slate-200" />
      <div className="h-12 animate-pulse rounded bg-white" />
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="h-10 animate-pulse rounded bg-white" />
      ))}
    </div>
  );
}
