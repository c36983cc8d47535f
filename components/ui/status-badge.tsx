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
  failed: "bg-red-100 text-red-800",
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

type Audience = "staff" | "author";
type Props =
  | { kind: "article"; status: ArticleStatus; audience?: Audience }
  | { kind: "comment"; status: CommentStatus; audience?: Audience };

type Kind = { tones: Record<string, Tone>; labels: Record<Audience, Record<string, string>> };

// Authors see their own piece in their words: 已退回 / 已采用 rather than 草稿 / 定时发布, and
// 未通过 rather than 垃圾评论.
const KINDS: Record<Props["kind"], Kind> = {
  article: {
    tones: ARTICLE_TONES,
    labels: { staff: ARTICLE_STATUS_LABELS, author: CONTRIBUTION_STATUS_LABELS },
  },
  comment: {
    tones: COMMENT_TONES,
    labels: { staff: COMMENT_STATUS_LABELS, author: MY_COMMENT_STATUS_LABELS },
  },
};

/** The status of an article or a comment, coloured by where it stands in its workflow. */
export function StatusBadge({ kind, status, audience = "staff" }: Props) {
  const { tones, labels } = KINDS[kind];
  return <Badge tone={tones[status]}>{labels[audience][status]}</Badge>;
}
