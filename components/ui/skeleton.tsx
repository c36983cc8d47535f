import type { ReactNode } from "react";

// Placeholders shown while a route segment or a Suspense boundary streams in. Each announces
// itself once (role=status with a zh-CN name) and hides its grey blocks from screen readers.

/** One grey block; size, shape and colour come from the caller (`h-10 rounded bg-white`). */
function Pulse({ className }: { className: string }) {
  return <div aria-hidden="true" className={`animate-pulse ${className}`} />;
}

function Announced({
  label,
  className,
  children,
}: {
  label: string;
  className: string;
  children: ReactNode;
}) {
  return (
    <div role="status" aria-live="polite" className={className}>
      <span className="sr-only">{label}</span>
      {children}
    </div>
  );
}

/** A staff list (管理后台): a heading bar, the filter card, then table rows. */
export function TableSkeleton({ label = "正在加载…", rows = 6 }: { label?: string; rows?: number }) {
  return (
    <Announced label={label} className="space-y-3">
      <Pulse className="rounded h-7 w-40 bg-slate-200" />
      <Pulse className="rounded h-12 bg-white" />
      {Array.from({ length: rows }, (_, i) => (
        <Pulse key={i} className="h-10 rounded bg-white" />
      ))}
    </Announced>
  );
}

/** A workspace page (工作台): a heading bar, a toolbar and one large panel. */
export function PanelSkeleton({ label = "加载中…" }: { label?: string }) {
  return (
    <Announced label={label} className="space-y-3">
      <Pulse className="rounded h-8 w-48 bg-slate-200" />
      <Pulse className="rounded h-24 bg-white" />
      <Pulse className="rounded h-64 bg-white" />
    </Announced>
  );
}

/** Article rows (cover, title, lede, meta) while a request-time list streams in. */
export function ArticleListSkeleton({ rows = 5 }: { rows?: number }) {
  return (
    <div role="status" aria-label="正在加载文章列表" className="space-y-5">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex gap-4">
          <Pulse className="hidden rounded h-[6.75rem] w-48 bg-slate-200 sm:block" />
          <div className="flex-1 space-y-3 py-1">
            <Pulse className="rounded h-5 w-3/4 bg-slate-200" />
            <Pulse className="rounded h-4 w-full bg-slate-100" />
            <Pulse className="rounded h-3 w-1/3 bg-slate-100" />
          </div>
        </div>
      ))}
    </div>
  );
}

/** A form's labels and inputs and its submit button (the auth forms read the query string first). */
export function FormSkeleton({ fields }: { fields: number }) {
  return (
    <div aria-hidden="true" className="space-y-5">
      {Array.from({ length: fields }, (_, i) => (
        <div key={i} className="space-y-2">
          <Pulse className="rounded h-4 w-16 bg-slate-200" />
          <Pulse className="h-11 rounded-md bg-slate-100" />
        </div>
      ))}
      <Pulse className="h-11 rounded-md bg-brand-100" />
    </div>
  );
}

/** A per-user panel of the reader's own pages (我的收藏, 我的投稿…) before its data arrives. */
export function LoadingPanel() {
  return <p className="rounded bg-white p-8 text-center text-ink-600">加载中…</p>;
}
