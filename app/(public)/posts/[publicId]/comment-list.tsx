import Link from "next/link";
import type { ReactNode } from "react";
import { formatDateTime } from "@/lib/format/beijing-time";
import type { CommentThread, PublicComment } from "@/lib/services/public/list-article-comments";

type ItemProps = {
  c: PublicComment;
  isReply?: boolean;
  /** 待审核 and its reason, on the reader's own comments */
  badge?: ReactNode;
  /** 回复 / 编辑 / 删除 / 举报, only after hydration for a signed-in reader */
  actions?: ReactNode;
  /** replaces the text while it is being edited */
  editor?: ReactNode;
};

/**
 * One comment. Server and client: the cached page and "load more" render the same markup. The
 * text is plain text (React escapes it); dir="auto" with an isolate keeps a right-to-left override
 * in a comment from flipping the names, times and buttons around it.
 */
export function CommentItem({ c, isReply = false, badge, actions, editor }: ItemProps) {
  const box = isReply ? "rounded bg-slate-50 p-3" : "";
  if (c.deleted) {
    return (
      <div id={`comment-${c.id}`} className={box} data-testid="comment">
        <p className="s-comment-del">该评论已删除</p>
      </div>
    );
  }
  return (
    <div id={`comment-${c.id}`} className={box} data-testid="comment">
      <div className="s-comment-head">
        {c.author.publicId ? (
          <Link href={`/member/${c.author.publicId}`} className="s-name [unicode-bidi:isolate]" dir="auto">
            {c.author.displayName}
          </Link>
        ) : (
          <span className="font-medium text-ink-900">{c.author.displayName}</span>
        )}
        <time dateTime={c.createdAt.toISOString()} className="text-xs text-ink-600">
          {formatDateTime(c.createdAt)}
        </time>
        {c.editedAt && <span className="text-xs text-ink-600">已编辑</span>}
        {badge}
      </div>
      {editor ?? (
        <p className="s-comment [unicode-bidi:isolate]" dir="auto" data-testid="comment-body">
          {c.body}
        </p>
      )}
      {actions}
    </div>
  );
}

/** The list around the threads, or the empty state. */
export function CommentThreads({ children, empty }: { children: ReactNode; empty: boolean }) {
  if (empty) return <p className="py-6 text-center text-sm text-ink-600">还没有评论，来说两句吧。</p>;
  return (
    <ol className="divide-y divide-slate-100" data-testid="comment-list">
      {children}
    </ol>
  );
}

/** Replies indented under their top-level comment. */
export function ReplyList({ to, children }: { to: string; children: ReactNode }) {
  return (
    <ol className="mt-3 space-y-2 pl-4 sm:pl-8" aria-label={`对 ${to} 的回复`}>
      {children}
    </ol>
  );
}

/** Approved comments without the reader's controls: what any reader's renderer must reduce to. */
export function CommentList({ threads }: { threads: CommentThread[] }) {
  return (
    <CommentThreads empty={threads.length === 0}>
      {threads.map((t) => (
        <li key={t.id} className="py-4">
          <CommentItem c={t} />
          {t.replies.length > 0 && (
            <ReplyList to={t.author.displayName || "已删除评论"}>
              {t.replies.map((r) => (
                <li key={r.id}>
                  <CommentItem c={r} isReply />
                </li>
              ))}
            </ReplyList>
          )}
        </li>
      ))}
    </CommentThreads>
  );
}
