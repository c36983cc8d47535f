import Link from "next/link";
import { formatDateTime } from "@/lib/format/beijing-time";
import type { CommentThread, PublicComment } from "@/lib/services/public/list-article-comments";
import { CommentThreads } from "./comment-threads";

function CommentItem({ c, isReply = false }: { c: PublicComment; isReply?: boolean }) {
  return (
    <div className={isReply ? "rounded bg-slate-50 p-3" : ""}>
      <div className="s-comment-head">
        {c.author.publicId ? (
          <Link href={`/member/${c.author.publicId}`} className="s-name">
            {c.author.displayName}
          </Link>
        ) : (
          <span className="font-medium text-ink-900">{c.author.displayName}</span>
        )}
        <time dateTime={c.createdAt.toISOString()} className="text-xs text-ink-600">
          {formatDateTime(c.createdAt)}
        </time>
      </div>
      {/* plain text: React escapes it; line breaks are kept by whitespace-pre-line */}
      <p className="s-comment">{c.body}</p>
    </div>
  );
}

/**
 * One top-level comment with its replies (indented under it), as the list's <li>. A plain function,
 * not a component: the comment section hands the very same elements to the static HTML and to the
 * order switch, and the page payload writes elements it has seen before only once.
 */
export function commentThreadItem(t: CommentThread) {
  return (
    <li key={t.id} className="py-4">
      <CommentItem c={t} />
      {t.replies.length > 0 && (
        <ol className="mt-3 space-y-2 pl-4 sm:pl-8" aria-label={`对 ${t.author.displayName} 的回复`}>
          {t.replies.map((r) => (
            <li key={r.id}>
              <CommentItem c={r} isReply />
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}

/** Approved comments, threaded one level (replies indented under their top-level comment). */
export function CommentList({ threads }: { threads: CommentThread[] }) {
  return <CommentThreads items={threads.map(commentThreadItem)} />;
}

/**
 * 最早 is 最新 reversed when the newest-first list holds every top-level comment (fewer than the
 * service's limit of 100) and no two share a time (the tie-break is the same in both orders, so
 * equal times would not reverse). Replies are oldest first in both.
 */
export function oldestIsNewestReversed(newest: CommentThread[], limit = 100) {
  return newest.length < limit && new Set(newest.map((t) => t.createdAt.getTime())).size === newest.length;
}
