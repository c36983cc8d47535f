import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Suspense } from "react";
import { LoadingPanel } from "@/components/ui/skeleton";
import { StatusBadge } from "@/components/ui/status-badge";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { formatDate } from "@/lib/format/beijing-time";
import { listMyComments } from "@/lib/services/comments/list-my-comments";

export const metadata: Metadata = { title: "我的评论", robots: { index: false, follow: false } };

async function CommentList() {
  // per user: request time only (the session lookup uses crypto before it reads cookies)
  await connection();
  const actor = await requireUserOrRedirect("/me/comments");
  const items = await listMyComments(actor);
  if (items.length === 0) {
    return (
      <p className="rounded bg-white p-8 text-center text-ink-600">
        还没有发表过评论。读完文章后，欢迎在文末留下你的看法。
      </p>
    );
  }
  return (
    <ul className="divide-y divide-slate-100 rounded bg-white" data-testid="my-comment-list">
      {items.map((c) => {
        return (
          <li key={c.id} className="p-4">
            <div className="flex flex-wrap items-center gap-2 text-sm text-ink-600">
              <StatusBadge kind="comment" status={c.status} audience="author" />
              {c.heldLabel && <span className="text-xs">（{c.heldLabel}）</span>}
              {c.editedAt && <span className="text-xs">已编辑</span>}
              <span>
                评论于{" "}
                {c.article.visible ? (
                  <Link
                    href={`/posts/${c.article.publicId}#comments`}
                    className="text-brand-700 hover:underline"
                  >
                    {c.article.title}
                  </Link>
                ) : (
                  <span>{c.article.title}（文章已下线）</span>
                )}
              </span>
              <time dateTime={c.createdAt.toISOString()} className="ml-auto text-xs">
                {formatDate(c.createdAt)}
              </time>
            </div>
            {/* plain text: React escapes it; comments never render as HTML */}
            <p className="mt-2 whitespace-pre-wrap break-words text-ink-900">{c.body}</p>
          </li>
        );
      })}
    </ul>
  );
}

/** 我的评论: what the reader wrote and whether moderators have let it through. */
export default function MyCommentsPage() {
  return (
    <div className="mx-auto w-full max-w-3xl">
      <h1 className="mb-4 text-2xl font-bold text-ink-900">我的评论</h1>
      <p className="mb-4 text-sm text-ink-600">
        待审核的评论经编辑审核后才会在文章页显示；发表后 10 分钟内可以在文章页编辑或删除。
      </p>
      <Suspense fallback={<LoadingPanel />}>
        <CommentList />
      </Suspense>
    </div>
  );
}
