import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import { getStaffPreview } from "@/lib/services/preview/get-staff-preview";
import { PreviewView } from "@/app/(public)/preview/preview-view";
import { requireStaff } from "../../../staff";

export const metadata: Metadata = { title: "预览", robots: { index: false, follow: false, nocache: true } };

type Props = { params: Promise<{ id: string }> };

/** 预览 in the workspace: the article in any state, exactly as the reading site renders it. */
export default async function StaffPreviewPage({ params }: Props) {
  const { id } = await params;
  // requireStaff awaits connection(): rendered per request, never cached
  const actor = await requireStaff(`/editor/articles/${encodeURIComponent(id)}/preview`);
  let data;
  try {
    data = await getStaffPreview(actor, id);
  } catch (e) {
    // someone else's draft and a malformed id look exactly like a missing article
    if ((e instanceof AppError && e.code === "NOT_FOUND") || e instanceof ZodError) notFound();
    throw e;
  }
  return (
    <PreviewView
      data={data}
      actions={
        <Link href={`/editor/articles/${data.article.id}`} className="text-brand-700 underline">
          返回编辑
        </Link>
      }
    />
  );
}
