"use client";

import { CommentEntry, type EntryHandlers } from "./comment-entry";
import { CommentForm } from "./comment-form";
import { ReplyList } from "./comment-list";
import type { ShownComment, ShownThread } from "./merge-own-comments";
import type { Reader } from "./use-comment-reader";

export type ReplyTarget = { threadId: string; to: ShownComment };

/** The first ~80 characters, for the quote above a reply. */
const excerpt = (s: string) => (Array.from(s).length > 80 ? `${Array.from(s).slice(0, 80).join("")}…` : s);

type Props = {
  t: ShownThread;
  h: EntryHandlers;
  publicId: string;
  reader: Reader;
  replying: ReplyTarget | null;
  onReplyDone: () => void;
};

/**
 * A top-level comment, its replies (one level, oldest first) and, when the reader chose 回复 on
 * any of them, the reply form under the thread with the comment replied to quoted.
 */
export function CommentThreadItem({ t, h, publicId, reader, replying, onReplyDone }: Props) {
  const target = replying?.threadId === t.id ? replying.to : null;
  return (
    <li className="py-4" data-testid="comment-thread">
      <CommentEntry c={t} threadId={t.id} h={h} />
      {t.replies.length > 0 && (
        <ReplyList to={t.deleted ? "已删除评论" : t.author.displayName}>
          {t.replies.map((r) => (
            <li key={r.id}>
              <CommentEntry c={r} threadId={t.id} isReply h={h} />
            </li>
          ))}
        </ReplyList>
      )}
      {target && (
        <div className="mt-3 pl-4 sm:pl-8">
          <blockquote
            className="border-l-4 border-slate-200 pl-3 text-sm text-ink-600"
            data-testid="reply-quote"
          >
            <p className="font-medium text-ink-900 [unicode-bidi:isolate]" dir="auto">
              回复 {target.author.displayName}：
            </p>
            <p className="break-words [unicode-bidi:isolate]" dir="auto">
              {excerpt(target.body)}
            </p>
          </blockquote>
          <CommentForm
            key={target.id}
            publicId={publicId}
            reader={reader}
            parentId={target.id}
            onPosted={h.onChanged}
            onCancel={onReplyDone}
          />
        </div>
      )}
    </li>
  );
}
