import { formatDateTime } from "@/lib/format/beijing-time";
import type { LatestComment } from "@/lib/services/public/list-latest-comments";

/** 最新评论: who said what, under which article. Comment text is plain text, rendered escaped. */
export function LatestComments({ comments }: { comments: LatestComment[] }) {
  return (
    <section aria-labelledby="latest-comments-title" className="rounded bg-white p-5">
      <h2 id="latest-comments-title" className="s-h2">
        最新评论
      </h2>
      {comments.length === 0 ? (
        <p className="mt-4 text-sm text-ink-600">还没有评论，来抢沙发吧。</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100 text-sm" data-testid="latest-comments">
          {comments.map((c) => (
            <li key={c.id} className="py-3">
              <p className="text-xs text-ink-600">
                {c.author ? (
                  <a href={`/member/${c.author.publicId}`} className="s-name">
                    {c.author.displayName}
                  </a>
                ) : (
                  <span>匿名读者</span>
                )}{" "}
                · <time dateTime={c.createdAt.toISOString()}>{formatDateTime(c.createdAt)}</time>
              </p>
              <p className="mt-1 line-clamp-2 leading-6 text-ink-900">{c.excerpt}</p>
              <a
                href={`/posts/${c.article.publicId}#comments`}
                className="mt-1 line-clamp-1 text-xs text-brand-700 hover:underline"
              >
                评论于《{c.article.title}》
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
