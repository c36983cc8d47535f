import type { ReactNode } from "react";

/** Approved comments as rendered <li> items (commentThreadItem), or the empty state. Server and client. */
export function CommentThreads({ items }: { items: ReactNode[] }) {
  if (items.length === 0) {
    return <p className="py-6 text-center text-sm text-ink-600">还没有评论，来说两句吧。</p>;
  }
  return (
    <ol className="divide-y divide-slate-100" data-testid="comment-list">
      {items}
    </ol>
  );
}
