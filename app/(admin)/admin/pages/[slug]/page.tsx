import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cardClass } from "@/components/ui/card";
import { FormAlert } from "@/components/ui/form-alert";
import { formatDateTime } from "@/lib/format/beijing-time";
import { getPageForEdit } from "@/lib/services/pages/get-page-for-edit";
import { pageLabel, pageSlugSchema } from "@/lib/services/pages/schemas";
import { adminActor, param, type SearchParams } from "../../gate";
import { CreatePageButton } from "../create-page-button";
import { PageEditor } from "./page-editor";
import { RevisionList } from "./revision-list";

export const metadata: Metadata = { title: "编辑页面" };

type Props = { params: Promise<{ slug: string }>; searchParams: SearchParams };

/** One footer page: title and body in the article editor, and its revisions. */
export default async function EditPagePage({ params, searchParams }: Props) {
  const actor = await adminActor("page.manage");
  const slug = pageSlugSchema.safeParse((await params).slug);
  if (!slug.success) notFound();
  const sp = await searchParams;
  const n = Number(param(sp.page) || "1");
  const revPage = Number.isSafeInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
  const page = await getPageForEdit(actor, slug.data);
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/admin/pages" className="text-brand-700 underline">
          ← 页面管理
        </Link>
      </p>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-bold">编辑页面：{page?.title ?? pageLabel(slug.data)}</h1>
        <a href={`/page/${slug.data}`} target="_blank" className="text-sm text-brand-700 underline">
          查看公开页面 /page/{slug.data}
        </a>
      </div>
      {param(sp.restored) === "1" && <FormAlert tone="success">已恢复所选版本，并记为一个新版本。</FormAlert>}
      {page ? (
        <>
          <p className="text-sm text-ink-600">最后保存于 {formatDateTime(page.updatedAt)}</p>
          <PageEditor slug={slug.data} title={page.title} doc={page.doc} version={page.version} />
          <RevisionList actor={actor} slug={slug.data} page={revPage} />
        </>
      ) : (
        <div className={`${cardClass} space-y-3`}>
          <p>这个页面还没有创建。创建后它会以默认标题和空白正文出现在 /page/{slug.data}。</p>
          <CreatePageButton slug={slug.data} label={pageLabel(slug.data)} />
        </div>
      )}
    </div>
  );
}
