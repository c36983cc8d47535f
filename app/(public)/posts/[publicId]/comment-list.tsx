import Link from "next/link";
import { formatDateTime } from "@/lib/format/beijing-time";
import type { CommentThread, PublicComment } from "@/lib/services/public/list-article-comments";

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

/** Approved comments, threaded one level (replies indented under their top-level comment). */
export function CommentList({ threads }: { threads: CommentThread[] }) {
  if (threads.length === 0) {
    return <p className="py-6 text-center text-sm text-ink-600">还没有评论，来说两句吧。</p>;
  }
  return (
    <ol className="divide-y divide-slate-100" data-testid="comment-list">
      {threads.map((t) => (
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
      ))}
    </ol>
  );
}
