import "server-only";
import Link from "next/link";
import { can, type Actor } from "@/lib/authz";
import { formatDateTime } from "@/lib/format/beijing-time";
import { listSourceUpdates } from "@/lib/services/translation/source-updates/list-source-updates";

/**
 * For the editors' dashboard: translations whose source changed since they were made (原文已更新),
 * newest change first, each linking to its diff. Nothing at all for other roles or when none.
 */
export async function SourceUpdatesList({ actor }: { actor: Actor }) {
  if (!can(actor, "article.editAny")) return null;
  const items = await listSourceUpdates(actor);
  if (!items.length) return null;
  return (
    <section aria-labelledby="source-updates" className="rounded-lg border border-amber-200 bg-white p-4">
      <h2 id="source-updates" className="text-lg font-semibold text-ink-900">
        原文已更新 <span className="text-sm font-normal text-ink-600">（{items.length} 篇）</span>
      </h2>
      <ul className="mt-2 divide-y divide-slate-100">
        {items.map((a) => (
          <li key={a.id} className="flex flex-col gap-1 py-2 sm:flex-row sm:items-center sm:gap-4">
            <div className="min-w-0 flex-1">
              <Link
                href={`/editor/articles/${a.id}/source`}
                className="font-medium text-ink-900 hover:text-brand-600"
              >
                {a.title || "（无标题）"}
              </Link>
              <p className="mt-0.5 text-xs text-ink-600">
                原文：<span lang="en">{a.sourceTitle ?? a.sourceSite ?? a.sourceUrl ?? "—"}</span>
                {a.sourceSite && a.sourceTitle && <span> · {a.sourceSite}</span>}
                {a.translatorName && <span> · 译者：{a.translatorName}</span>}
              </p>
            </div>
            <span className="text-xs text-ink-600">
              发现于{" "}
              <time dateTime={a.sourceChangedAt.toISOString()}>{formatDateTime(a.sourceChangedAt)}</time>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
