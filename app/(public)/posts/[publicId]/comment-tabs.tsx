import type { CommentOrder } from "@/lib/services/public/list-article-comments";

type Props = { publicId: string; order: CommentOrder; total: number; onChoose: (o: CommentOrder) => void };

/**
 * 最新 / 最早: links to ?order= (the choice survives a reload and can be shared) that switch in
 * place once the page has hydrated, without a navigation.
 */
export function CommentTabs({ publicId, order, total, onChoose }: Props) {
  const tab = (value: CommentOrder, label: string) => (
    <a
      href={`/posts/${publicId}?order=${value}#comments`}
      onClick={(e) => {
        e.preventDefault();
        onChoose(value);
      }}
      aria-current={order === value ? "true" : undefined}
      className={order === value ? "font-semibold text-brand-700" : "text-ink-600 hover:text-brand-600"}
    >
      {label}
    </a>
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
