import { formatDateTime } from "@/lib/format/beijing-time";
import { CORRECTION_KIND_LABELS } from "@/lib/labels";
import type { PublicCorrection } from "@/lib/services/public/get-public-article";

/**
 * 更正与更新: the article's public correction log, newest first, at the top of the article so a
 * reader who saw the first version learns what changed before reading on. Notes are plain text
 * (React escapes them); minor edits leave no entry, so an article without one shows nothing.
 */
export function ArticleCorrections({ corrections }: { corrections: PublicCorrection[] }) {
  if (corrections.length === 0) return null;
  return (
    <aside
      aria-labelledby="corrections-title"
      className="mt-4 rounded border-l-4 border-amber-500 bg-amber-50 p-4 text-sm leading-7"
      data-testid="article-corrections"
    >
      <h2 id="corrections-title" className="font-semibold text-ink-900">
        更正与更新
      </h2>
      <ol className="mt-1 space-y-1">
        {corrections.map((c) => (
          <li key={c.id} className="break-words text-ink-900">
            <time dateTime={c.createdAt.toISOString()} className="text-ink-600">
              {formatDateTime(c.createdAt)}
            </time>{" "}
            <strong className="font-semibold text-amber-900">{CORRECTION_KIND_LABELS[c.kind]}</strong>：
            {c.note}
          </li>
        ))}
      </ol>
    </aside>
  );
}
