/** Shown while a workspace page loads its per-user data. */
export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="space-y-3">
      <span className="sr-only">加载中…</span>
      <div className="h-8 w-48 animate-pulse rounded bg-slate-200" />
      <div className="h-24 animate-pulse rounded bg-white" />
      <div className="h-64 animate-pulse rounded bg-white" />
    </div>
  );
}
