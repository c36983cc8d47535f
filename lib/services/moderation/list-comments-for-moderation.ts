import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CommentStatus } from "@/lib/generated/prisma/enums";
import { PUBLIC_ID_PATTERN } from "@/lib/public-id";
import { isSafeText } from "@/lib/validation";
import { loadQueueExtras, type AuthorHistory, type ReportSummary } from "./queue-extras";

/** 待审核 · 被举报 · 垃圾 · 已拒绝 · 已通过 */
export const MODERATION_TABS = ["PENDING", "REPORTED", "SPAM", "REJECTED", "APPROVED"] as const;
export type ModerationTab = (typeof MODERATION_TABS)[number];
const MODERATION_PAGE_SIZE = 25;

/** A search box: bad text (NUL, lone surrogates) or an over-long query is simply no filter. */
const term = z.string().trim().max(100).refine(isSafeText).catch("").default("");

const moderationQuerySchema = z.object({
  status: z.enum(MODERATION_TABS).catch("PENDING").default("PENDING"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  /** article: its 编号 (publicId) or words of its title */
  article: term,
  /** author: user id, public id, or part of the display name */
  user: term,
  /** words in the comment */
  q: term,
});
export type ModerationQuery = z.output<typeof moderationQuerySchema>;

export type ModerationItem = {
  id: string;
  /** plain text as written; pages render it as text, never as HTML */
  body: string;
  status: CommentStatus;
  createdAt: Date;
  moderatedAt: Date | null;
  editedAt: Date | null;
  isReply: boolean;
  /** the rule that held it on arrival (lib/comments/rules.ts), with what it saw */
  heldBy: string | null;
  heldDetail: string | null;
  article: { id: string; publicId: string; title: string; isPublished: boolean };
  author: { id: string; displayName: string; publicId: string; history: AuthorHistory };
  reports: ReportSummary;
};

export type ModerationQueue = {
  items: ModerationItem[];
  query: ModerationQuery;
  pageCount: number;
  total: number;
  /** per tab, under the same article / author / text filters */
  counts: Record<ModerationTab, number>;
};

const contains = (s: string) => ({ contains: s, mode: "insensitive" as const });

function filterWhere({ article, user, q }: ModerationQuery): Prisma.CommentWhereInput {
  const and: Prisma.CommentWhereInput[] = [];
  if (article) {
    const byId = PUBLIC_ID_PATTERN.test(article) ? [{ publicId: article }] : [];
    and.push({ article: { OR: [...byId, { title: contains(article) }] } });
  }
  if (user) {
    const ids = /^[A-Za-z0-9_-]{1,40}$/.test(user) ? [{ id: user }, { profile: { publicId: user } }] : [];
    and.push({ author: { OR: [...ids, { profile: { displayName: contains(user) } }] } });
  }
  if (q) and.push({ body: contains(q) });
  return and.length ? { AND: and } : {};
}

/** 被举报: an open report on a comment readers can still see (removal resolves reports). */
const reported: Prisma.CommentWhereInput = {
  reports: { some: { resolvedAt: null } },
  status: { not: "DELETED" },
};
const tabWhere = (tab: ModerationTab): Prisma.CommentWhereInput =>
  tab === "REPORTED" ? reported : { status: tab };

const orderOf = (tab: ModerationTab): Prisma.CommentOrderByWithRelationInput[] =>
  tab === "PENDING"
    ? [{ createdAt: "asc" }, { id: "asc" }] // a queue: the longest-waiting first
    : tab === "REPORTED"
      ? [{ createdAt: "desc" }, { id: "asc" }]
      : [{ moderatedAt: { sort: "desc", nulls: "last" } }, { id: "asc" }];

/**
 * 评论审核 (editors and admins): one tab, filtered by article, author and text, a page at a
 * time, with a count per tab, each comment's open reports and its author's history.
 */
export async function listCommentsForModeration(
  actor: Actor | null,
  input: Record<string, unknown> = {},
): Promise<ModerationQueue> {
  assertCan(actor, "comment.moderate");
  const query = moderationQuerySchema.parse(input);
  const filters = filterWhere(query);
  const where = { AND: [filters, tabWhere(query.status)] };
  const [rows, counts] = await Promise.all([
    db.comment.findMany({
      where,
      orderBy: orderOf(query.status),
      skip: (query.page - 1) * MODERATION_PAGE_SIZE,
      take: MODERATION_PAGE_SIZE,
      select: {
        id: true,
        body: true,
        status: true,
        createdAt: true,
        moderatedAt: true,
        editedAt: true,
        parentId: true,
        heldBy: true,
        heldDetail: true,
        article: { select: { id: true, publicId: true, title: true, status: true } },
        author: { select: { id: true, profile: { select: { displayName: true, publicId: true } } } },
      },
    }),
    countTabs(filters),
  ]);
  const extras = await loadQueueExtras(
    rows.map((r) => r.id),
    [...new Set(rows.map((r) => r.author.id))],
  );
  const total = counts[query.status];
  return {
    items: rows.map((c) => ({
      id: c.id,
      body: c.body,
      status: c.status,
      createdAt: c.createdAt,
      moderatedAt: c.moderatedAt,
      editedAt: c.editedAt,
      isReply: c.parentId !== null,
      heldBy: c.heldBy,
      heldDetail: c.heldDetail,
      article: {
        id: c.article.id,
        publicId: c.article.publicId,
        title: c.article.title,
        isPublished: c.article.status === "PUBLISHED",
      },
      author: {
        id: c.author.id,
        displayName: c.author.profile?.displayName ?? "已注销用户",
        publicId: c.author.profile?.publicId ?? "",
        history: extras.history(c.author.id),
      },
      reports: extras.reports(c.id),
    })),
    query,
    pageCount: Math.max(1, Math.ceil(total / MODERATION_PAGE_SIZE)),
    total,
    counts,
  };
}

async function countTabs(filters: Prisma.CommentWhereInput): Promise<Record<ModerationTab, number>> {
  const [grouped, reportedCount] = await Promise.all([
    db.comment.groupBy({
      by: ["status"],
      where: { AND: [filters, { status: { in: ["PENDING", "SPAM", "REJECTED", "APPROVED"] } }] },
      _count: { _all: true },
    }),
    db.comment.count({ where: { AND: [filters, reported] } }),
  ]);
  const counts = { PENDING: 0, REPORTED: reportedCount, SPAM: 0, REJECTED: 0, APPROVED: 0 };
  for (const g of grouped) counts[g.status as Exclude<ModerationTab, "REPORTED">] = g._count._all;
  return counts;
}
