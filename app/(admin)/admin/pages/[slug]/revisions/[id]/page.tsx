import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SafeHtml } from "@/components/ui/safe-html";
import { formatDateTime } from "@/lib/format/beijing-time";
import { getPageRevision } from "@/lib/services/pages/get-page-revision";
import { pageSlugSchema, revisionIdSchema } from "@/lib/services/pages/schemas";
import { adminActor } from "../../../../gate";
import { RestoreButton } from "./restore-button";

export const metadata: Metadata = { title: "历史版本" };

type Props = { params: Promise<{ slug: string; id: string }> };

/** One revision of a footer page as readers would see it, with 恢复此版本. */
export default async function PageRevisionPage({ params }: Props) {
  const actor = await adminActor("page.manage");
  const p = await params;
  const slug = pageSlugSchema.safeParse(p.slug);
  const id = revisionIdSchema.safeParse(p.id);
  if (!slug.success || !id.success) notFound();
  const rev = await getPageRevision(actor, slug.data, id.data);
  if (!rev) notFound();
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href={`/admin/pages/${slug.data}`} className="text-brand-700 underline">
          ← 返回编辑
        </Link>
      </p>
      <div className="space-y-1">
        <h1 className="text-xl font-bold">历史版本：{rev.title}</h1>
        <p className="text-sm text-ink-600">
          保存于 {formatDateTime(rev.createdAt)} · 编辑者 {rev.editorName ?? "初始内容"}
        </p>
      </div>
      <RestoreButton slug={slug.data} revisionId={rev.id} version={rev.pageVersion} />
      <article className="rounded-lg bg-white p-4 md:p-6" aria-label="版本内容">
        <h2 className="text-lg font-bold">{rev.title}</h2>
        <SafeHtml
          className="prose prose-slate mt-4 max-w-none prose-headings:font-semibold prose-a:text-brand-700"
          html={rev.bodyHtml}
        />
      </article>
    </div>
  );
}
