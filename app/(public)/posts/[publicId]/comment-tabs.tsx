import Link from "next/link";
import type { CommentOrder } from "@/lib/services/public/list-article-comments";

/** 最新 / 最早: plain links to ?order=, so the choice survives a reload and can be shared. */
export function CommentTabs({
  publicId,
  order,
  total,
}: {
  publicId: string;
  order: CommentOrder;
  total: number;
}) {
  const tab = (value: CommentOrder, label: string) => (
    <Link
      href={`/posts/${publicId}?order=${value}#comments`}
      scroll={false}
      replace
      aria-current={order === value ? "true" : undefined}
      className={order === value ? "font-semibold text-brand-700" : "text-ink-600 hover:text-brand-600"}
    >
      {label}
    </Link>
  );
  return (
    <div className="flex items-center justify-between border-b border-slate-200 pb-2 text-sm">
      <p className="text-ink-600" data-testid="comment-total">
        共 {total} 条评论
      </p>
      <nav aria-label="评论排序" className="flex gap-3">
        {tab("newest", "最新")}
        {tab("oldest", "最早")}
      </nav>
    </div>
  );
}
