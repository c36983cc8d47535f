import { PersonAvatar } from "@/components/site/person-avatar";
import { formatDate } from "@/lib/format/beijing-time";
import type { AuthorArticle } from "@/lib/services/public/get-author-latest";
import type { PublicPerson } from "@/lib/services/public/get-public-article";

/** The byline's card: avatar, name, bio only when they wrote one, and their latest articles. */
export function AuthorCard({ author, latest }: { author: PublicPerson; latest: AuthorArticle[] }) {
  const href = `/member/${author.publicId}`;
  return (
    <section aria-labelledby="author-card-title" className="rounded bg-white p-5">
      <div className="flex items-center gap-3">
        <PersonAvatar name={author.displayName} url={author.avatarUrl} />
        <h2 id="author-card-title" className="text-lg font-semibold">
          <a href={href} className="s-a">
            {author.displayName}
          </a>
        </h2>
      </div>
      {author.bio && <p className="mt-3 text-sm leading-6 text-ink-600">{author.bio}</p>}
      {latest.length > 0 && (
        <>
          <h3 className="mt-5 text-sm font-semibold text-ink-900">最新文章</h3>
          <ul className="s-latest" data-testid="author-latest">
            {latest.map((a) => (
              <li key={a.publicId}>
                <a href={`/posts/${a.publicId}`}>{a.title}</a>
                <time dateTime={a.publishedAt.toISOString()}>{formatDate(a.publishedAt)}</time>
              </li>
            ))}
          </ul>
        </>
      )}
      <a href={href} className="s-more">
        查看更多<span className="sr-only">{author.displayName}的文章</span> →
      </a>
    </section>
  );
}
