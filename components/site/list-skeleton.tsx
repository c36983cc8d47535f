/** Placeholder rows while a request-time list streams in. */
export function ListSkeleton({ rows = 5 }: { rows?: number }) {
  return (
    <div role="status" aria-label="正在加载文章列表" className="space-y-5">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex animate-pulse gap-4">
          <div className="hidden h-[6.75rem] w-48 rounded bg-slate-200 sm:block" />
          <div className="flex-1 space-y-3 py-1">
            <div className="h-5 w-3/4 rounded bg-slate-200" />
            <div className="h-4 w-full rounded bg-slate-100" />
            <div className="h-3 w-1/3 rounded bg-slate-100" />
          </div>
        </div>
      ))}
    </div>
  );
}
