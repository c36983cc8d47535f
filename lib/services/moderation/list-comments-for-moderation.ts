import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import type { CommentStatus } from "@/lib/generated/prisma/enums";

export const MODERATION_TABS = ["PENDING", "APPROVED", "REJECTED"] as const;
export type ModerationTab = (typeof MODERATION_TABS)[number];
const MODERATION_PAGE_SIZE = 25;

const inputSchema = z.object({
  status: z.enum(MODERATION_TABS).catch("PENDING").default("PENDING"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type ModerationItem = {
  id: string;
  /** plain text as written; pages render it as text, never as HTML */
  body: string;
  status: CommentStatus;
  createdAt: Date;
  moderatedAt: Date | null;
  isReply: boolean;
  article: { id: string; publicId: string; title: string; isPublished: boolean };
  author: { id: string; displayName: string; publicId: string };
};

export type ModerationQueue = {
  items: ModerationItem[];
  status: ModerationTab;
  page: number;
  pageCount: number;
  total: number;
  counts: Record<ModerationTab, number>;
};

/**
 * 评论审核 (editors and admins): one status tab, with a count per tab. 待审核 is a queue, so the
 * longest-waiting comment comes first; the other tabs show the latest decisions first.
 */
export async function listCommentsForModeration(
  actor: Actor | null,
  input: Record<string, unknown> = {},
): Promise<ModerationQueue> {
  assertCan(actor, "comment.moderate");
  const { status, page } = inputSchema.parse(input);
  const where = { status };
  const [total, rows, grouped] = await Promise.all([
    db.comment.count({ where }),
    db.comment.findMany({
      where,
      orderBy:
        status === "PENDING"
          ? [{ createdAt: "asc" }, { id: "asc" }]
          : [{ moderatedAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
      skip: (page - 1) * MODERATION_PAGE_SIZE,
      take: MODERATION_PAGE_SIZE,
      select: {
        id: true,
        body: true,
        status: true,
        createdAt: true,
        moderatedAt: true,
        parentId: true,
        article: { select: { id: true, publicId: true, title: true, status: true } },
        author: { select: { id: true, profile: { select: { displayName: true, publicId: true } } } },
      },
    }),
    db.comment.groupBy({
      by: ["status"],
      where: { status: { in: [...MODERATION_TABS] } },
      _count: { _all: true },
    }),
  ]);
  const counts = { PENDING: 0, APPROVED: 0, REJECTED: 0 };
  for (const g of grouped) counts[g.status as ModerationTab] = g._count._all;
  return {
    items: rows.map((c) => ({
      id: c.id,
      body: c.body,
      status: c.status,
      createdAt: c.createdAt,
      moderatedAt: c.moderatedAt,
      isReply: c.parentId !== null,
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
      },
    })),
    status,
    page,
    pageCount: Math.max(1, Math.ceil(total / MODERATION_PAGE_SIZE)),
    total,
    counts,
  };
}
