import { Suspense } from "react";
import { listArticleComments } from "@/lib/services/public/list-article-comments";
import { CommentForm } from "./comment-form";
import { commentThreadItem, oldestIsNewestReversed } from "./comment-list";
import { CommentOrderSwitch } from "./comment-order-switch";
import { CommentTabs } from "./comment-tabs";
import { CommentThreads } from "./comment-threads";

/**
 * 评论: the form, then approved comments newest or oldest first (?order=). Both orders are
 * cached server renders; the browser picks one, so nothing here is rendered per request. The
 * page carries the newest-first threads once (the static HTML and the switch share the same
 * elements) and the oldest-first list only when it is not simply that list reversed.
 */
export async function CommentsSection({ articleId, publicId }: { articleId: string; publicId: string }) {
  const newest = await listArticleComments(articleId, "newest");
  const oldest = oldestIsNewestReversed(newest.threads)
    ? null
    : await listArticleComments(articleId, "oldest");
  const newestItems = newest.threads.map(commentThreadItem);
  return (
    <section
      id="comments"
      aria-labelledby="comments-title"
      className="mt-6 scroll-mt-20 rounded bg-white p-5 sm:p-6"
    >
      <h2 id="comments-title" className="border-l-4 border-brand-600 pl-3 text-lg font-semibold text-ink-900">
        评论
      </h2>
      <CommentForm publicId={publicId} />
      <div className="mt-6">
        {/* the static HTML carries the default order; the query string is read after hydration */}
        <Suspense
          fallback={
            <>
              <CommentTabs publicId={publicId} order="newest" total={newest.total} />
              <CommentThreads items={newestItems} />
            </>
          }
        >
          <CommentOrderSwitch
            publicId={publicId}
            total={newest.total}
            newest={newestItems}
            oldest={oldest && oldest.threads.map(commentThreadItem)}
          />
        </Suspense>
      </div>
    </section>
  );
}
