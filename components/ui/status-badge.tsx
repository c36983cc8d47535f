import type { ArticleStatus, CommentStatus } from "@/lib/generated/prisma/enums";
import {
  ARTICLE_STATUS_LABELS,
  COMMENT_STATUS_LABELS,
  CONTRIBUTION_STATUS_LABELS,
  MY_COMMENT_STATUS_LABELS,
} from "@/lib/labels";

const TONES = {
  neutral: "bg-slate-100 text-slate-700",
  muted: "bg-slate-200 text-slate-600",
  waiting: "bg-amber-100 text-amber-900",
  planned: "bg-sky-100 text-sky-900",
  done: "bg-emerald-100 text-emerald-900",
} as const;

type Tone = keyof typeof TONES;

const ARTICLE_TONES: Record<ArticleStatus, Tone> = {
  DRAFT: "neutral",
  IN_REVIEW: "waiting",
  SCHEDULED: "planned",
  PUBLISHED: "done",
  ARCHIVED: "muted",
};

const COMMENT_TONES: Record<CommentStatus, Tone> = {
  PENDING: "waiting",
  APPROVED: "done",
  REJECTED: "neutral",
  SPAM: "neutral",
  DELETED: "muted",
};

/** A small coloured label: a status, or a mark such as 译文. */
export function Badge({ tone = "neutral", children }: { tone?: Tone; children: React.ReactNode }) {
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${TONES[tone]}`}>{children}</span>
  );
}

/**
 * An article's status. `audience="author"` uses the contributor's words (已退回, 已采用);
 * staff see the workflow's own names.
 */
export function ArticleStatusBadge({
  status,
  audience = "staff",
}: {
  status: ArticleStatus;
  audience?: "staff" | "author";
}) {
  const labels = audience === "author" ? CONTRIBUTION_STATUS_LABELS : ARTICLE_STATUS_LABELS;
  return <Badge tone={ARTICLE_TONES[status]}>{labels[status]}</Badge>;
}

/** A comment's status, in staff words or in its author's (未通过 rather than 垃圾评论). */
export function CommentStatusBadge({
  status,
  audience = "staff",
}: {
  status: CommentStatus;
  audience?: "staff" | "author";
}) {
  const labels = audience === "author" ? MY_COMMENT_STATUS_LABELS : COMMENT_STATUS_LABELS;
  return <Badge tone={COMMENT_TONES[status]}>{labels[status]}</Badge>;
}
