"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import type { CommentOrder, CommentPage, CommentThread } from "@/lib/services/public/list-article-comments";
import type { EntryHandlers } from "./comment-entry";
import { CommentForm } from "./comment-form";
import { CommentThreads } from "./comment-list";
import { CommentReportDialog } from "./comment-report-dialog";
import { CommentTabs } from "./comment-tabs";
import { CommentThreadItem, type ReplyTarget } from "./comment-thread";
import { mergeOwnComments, type ShownComment } from "./merge-own-comments";
import { useCommentReader } from "./use-comment-reader";
import { useMoreComments } from "./use-more-comments";

type Props = {
  publicId: string;
  /** approved comments on the article (Article.commentCount) */
  total: number;
  /** 本文已关闭评论 / 本站评论已关闭, in place of the form; null when open */
  closedMessage: string | null;
  /** the first page, newest first: the part of the list in the cached HTML */
  first: CommentPage;
};

const publicCount = (threads: CommentThread[]) =>
  threads.reduce((n, t) => n + (t.deleted ? 0 : 1) + t.replies.length, 0);

/**
 * 评论: the form, the order switch, the threads and "load more". The first page comes with the
 * cached HTML; everything per reader (sign-in, their pending comments, what they may edit) is
 * asked after hydration and laid over it. The order (?order=) is read in the browser, so the page
 * stays one static render for everyone.
 */
export function CommentBoard({ publicId, total, closedMessage, first }: Props) {
  const [order, setOrder] = useState<CommentOrder>("newest");
  const { reader, reload } = useCommentReader(publicId);
  const more = useMoreComments(publicId, first);
  const [replying, setReplying] = useState<ReplyTarget | null>(null);
  const [reporting, setReporting] = useState<ShownComment | null>(null);
  const [notice, setNotice] = useState("");
  const [now, setNow] = useState(0);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    tick();
    const timer = setInterval(tick, 15_000);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    const wanted =
      new URLSearchParams(window.location.search).get("order") === "oldest" ? "oldest" : "newest";
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the URL is only known in the browser
    setOrder(wanted);
  }, []);
  const { ensure } = more;
  useEffect(() => ensure(order), [order, ensure]);

  const choose = (o: CommentOrder) => {
    const url = new URL(window.location.href);
    url.searchParams.set("order", o);
    window.history.replaceState(window.history.state, "", url);
    setOrder(o);
  };

  const page = more.pages[order];
  const threads = useMemo(
    () =>
      page && reader.kind === "signed-in"
        ? mergeOwnComments(page.threads, reader.mine, reader)
        : (page?.threads ?? []),
    [page, reader],
  );

  const signedIn = reader.kind === "signed-in";
  const onChanged = useCallback(() => reload(), [reload]);
  const h: EntryHandlers = {
    onReply: signedIn && !closedMessage ? (c, threadId) => setReplying({ threadId, to: c }) : null,
    onReport: signedIn ? setReporting : null,
    onChanged,
    now,
  };
  const remaining = Math.max(0, total - (page ? publicCount(page.threads) : 0));

  return (
    <>
      {closedMessage ? (
        <p className="mt-4 rounded bg-slate-50 px-4 py-3 text-sm text-ink-700" data-testid="comments-closed">
          {closedMessage}
        </p>
      ) : (
        <CommentForm publicId={publicId} reader={reader} onPosted={onChanged} />
      )}
      <div className="mt-6">
        <CommentTabs order={order} total={total} publicId={publicId} onChoose={choose} />
        <p role="status" className="text-sm text-green-700">
          {notice}
        </p>
        {page ? (
          <CommentThreads empty={threads.length === 0}>
            {threads.map((t) => (
              <CommentThreadItem
                key={t.id}
                t={t}
                h={h}
                publicId={publicId}
                reader={reader}
                replying={replying}
                onReplyDone={() => setReplying(null)}
              />
            ))}
          </CommentThreads>
        ) : (
          <p className="py-6 text-center text-sm text-ink-600">正在加载评论…</p>
        )}
        {page?.nextCursor && (
          <div className="mt-4 text-center">
            <button
              type="button"
              disabled={more.loading}
              onClick={() => more.loadMore(order)}
              className="rounded border border-slate-300 bg-white px-5 py-2 text-sm text-ink-900 hover:border-brand-500 hover:text-brand-600 disabled:opacity-60"
            >
              {more.loading
                ? "加载中…"
                : remaining > 0
                  ? `加载更多评论（剩余 ${remaining} 条）`
                  : "加载更多评论"}
            </button>
          </div>
        )}
        {more.error && (
          <p role="alert" className="mt-2 text-center text-sm text-red-700">
            {more.error}
          </p>
        )}
      </div>
      <CommentReportDialog
        comment={reporting}
        onClose={() => setReporting(null)}
        onReported={() => {
          setReporting(null);
          setNotice("已收到举报，感谢反馈");
        }}
      />
    </>
  );
}
