import { CLOSED_MESSAGES, getCommentState } from "@/lib/services/public/get-comment-state";
import { listArticleComments } from "@/lib/services/public/list-article-comments";
import { CommentBoard } from "./comment-board";

/**
 * 评论: the first page of approved comments (newest first), the count and the closed state are
 * cached with the page; later pages, the other order and everything per reader are fetched by
 * the board after hydration. Four statements on a miss whatever the number of comments.
 */
export async function CommentsSection({ articleId, publicId }: { articleId: string; publicId: string }) {
  const [state, first] = await Promise.all([
    getCommentState(articleId),
    listArticleComments(articleId, "newest"),
  ]);
  return (
    <section
      id="comments"
      aria-labelledby="comments-title"
      className="s-defer mt-6 scroll-mt-20 rounded bg-white p-5 sm:p-6"
    >
      <h2 id="comments-title" className="s-h2">
        评论
      </h2>
      <CommentBoard
        publicId={publicId}
        total={state.count}
        closedMessage={state.closed ? CLOSED_MESSAGES[state.closed] : null}
        first={first}
      />
    </section>
  );
}
