import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ZodError } from "zod";
import { cardClass } from "@/components/ui/card";
import type { Actor } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format/beijing-time";
import { getSourceUpdate } from "@/lib/services/translation/source-updates/get-source-update";
import { requireStaff } from "../../../staff";
import { SourceChangedBanner } from "./source-changed-banner";
import { SnapshotMeta } from "./snapshot-meta";
import { KIND_LABELS, SegmentText } from "./segment-text";

export const metadata: Metadata = { title: "原文快照" };

type Props = { params: Promise<{ id: string }> };

async function load(actor: Actor, id: string) {
  try {
    return await getSourceUpdate(actor, id);
  } catch (e) {
    // someone else's draft and a malformed id look exactly like a missing article
    if ((e instanceof AppError && e.code === "NOT_FOUND") || e instanceof ZodError) notFound();
    throw e;
  }
}

/** 原文快照: what the translation was made from, and what changed in the source since (原文已更新). */
export default async function SourceSnapshotPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireStaff(`/editor/articles/${encodeURIComponent(id)}/source`);
  const u = await load(actor, id);
  const { article, current } = u;
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold text-ink-900">原文快照</h1>
        <Link href={`/editor/articles/${article.id}`} className="text-sm text-brand-700 underline">
          返回编辑《{article.title || "无标题"}》
        </Link>
      </div>
      {u.newest && u.diff && <SourceChangedBanner update={u} newest={u.newest} diff={u.diff} />}
      {current ? (
        <>
          <section aria-labelledby="snapshot-meta" className={cardClass}>
            <h2 id="snapshot-meta" className="mb-3 text-lg font-semibold text-ink-900">
              译文依据的快照
            </h2>
            <SnapshotMeta snapshot={current} />
            {article.sourceCheckedAt && (
              <p className="mt-3 text-xs text-ink-600">
                上次检查原文：{formatDateTime(article.sourceCheckedAt)}
              </p>
            )}
          </section>
          <section aria-labelledby="snapshot-segments" className={cardClass}>
            <h2 id="snapshot-segments" className="mb-3 text-lg font-semibold text-ink-900">
              原文分段（只读）
            </h2>
            <ol className="space-y-3">
              {current.segments.map((s, i) => (
                <li key={i} className="grid grid-cols-[3.5rem_1fr] gap-3 text-sm">
                  <span className="text-xs text-ink-600">
                    {i + 1} · {KIND_LABELS[s.kind]}
                  </span>
                  <div className="min-w-0 text-ink-900">
                    <SegmentText segment={s} />
                  </div>
                </li>
              ))}
            </ol>
          </section>
        </>
      ) : (
        <p className={`${cardClass} text-ink-600`}>
          这篇文章还没有原文快照。译者导入原文链接（或粘贴原文）后，这里会显示译文依据的原文。
        </p>
      )}
    </div>
  );
}
