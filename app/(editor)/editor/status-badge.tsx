import type { ArticleStatus } from "@/lib/generated/prisma/enums";

export const STATUS_LABELS: Record<ArticleStatus, string> = {
  DRAFT: "草稿",
  IN_REVIEW: "审核中",
  SCHEDULED: "定时发布",
  PUBLISHED: "已发布",
  ARCHIVED: "已归档",
};

const COLORS: Record<ArticleStatus, string> = {
  DRAFT: "bg-slate-100 text-slate-700",
  IN_REVIEW: "bg-amber-100 text-amber-800",
  SCHEDULED: "bg-violet-100 text-violet-800",
  PUBLISHED: "bg-green-100 text-green-800",
  ARCHIVED: "bg-slate-200 text-slate-600",
};

export function StatusBadge({ status }: { status: ArticleStatus }) {
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${COLORS[status]}`}>{STATUS_LABELS[status]}</span>;
}
