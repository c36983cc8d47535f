import Link from "next/link";
import { formatDateTime } from "@/lib/format/beijing-time";
import type { ArticleListItem } from "@/lib/services/articles/article-dto";
import { Badge, StatusBadge } from "@/components/ui/status-badge";

/** the review queue adds the 投稿 mark and the submitter's note */
type Item = ArticleListItem & { isContribution?: boolean; submitNote?: string | null };
type Props = { items: Item[]; showAuthor?: boolean; caption: string };

/** The workspace's article list: title → editor, status, category, author and the last change. */
export function ArticleTable({ items, showAuthor, caption }: Props) {
  return (
    <ul
      aria-label={caption}
      className="divide-y divide-slate-100 rounded-lg bg-white"
      data-testid="article-list"
    >
      {items.map((a) => (
        <li key={a.id} className="flex flex-col gap-1 p-4 sm:flex-row sm:items-center sm:gap-4">
          <div className="min-w-0 flex-1">
            <Link href={`/editor/articles/${a.id}`} className="font-medium text-ink-900 hover:text-brand-600">
              {a.title || "（无标题）"}
            </Link>
            <p className="mt-1 flex flex-wrap items-center gap-x-2 text-xs text-ink-600">
              <StatusBadge kind="article" status={a.status} />
              {a.isTranslation && <Badge tone="planned">译文</Badge>}
              {a.isContribution && <Badge tone="waiting">投稿</Badge>}
              <span>{a.categoryName}</span>
              {showAuthor && <span>作者：{a.authorName}</span>}
              <span>
                更新于 <time dateTime={a.updatedAt.toISOString()}>{formatDateTime(a.updatedAt)}</time>
              </span>
              {a.status === "SCHEDULED" && a.scheduledAt && (
                <span>定于 {formatDateTime(a.scheduledAt)} 发布</span>
              )}
            </p>
            {a.submitNote && <p className="mt-1 text-sm text-ink-900">附言：{a.submitNote}</p>}
          </div>
          {a.status === "PUBLISHED" && (
            <a href={`/posts/${a.publicId}`} className="text-sm text-brand-700 hover:underline">
              查看<span className="sr-only">《{a.title}》</span>
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}
