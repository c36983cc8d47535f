import "server-only";
import { db } from "@/lib/db";

/** What a moderator weighs beside a comment: how its author's earlier comments went. */
export type AuthorHistory = {
  approved: number;
  rejected: number;
  spam: number;
  /** their comments that readers reported (each counted once) */
  reported: number;
  /** an active comment ban, if any */
  ban: { reason: string; expiresAt: Date | null } | null;
};

/** The comment's open reports: how many per reason, and the readers' own words. */
export type ReportSummary = {
  total: number;
  byReason: { reason: string; count: number }[];
  details: string[];
};

const MAX_DETAILS = 5;
const EMPTY_REPORTS: ReportSummary = { total: 0, byReason: [], details: [] };

/** Three queries for a whole page, whatever its size: counts by author, open reports, active bans. */
export async function loadQueueExtras(commentIds: string[], authorIds: string[]) {
  if (!commentIds.length) {
    return { history: () => emptyHistory(), reports: () => EMPTY_REPORTS };
  }
  const now = new Date();
  const [counts, reportRows, bans] = await Promise.all([
    db.$queryRaw<{ authorId: string; approved: number; rejected: number; spam: number; reported: number }[]>`
      SELECT c."authorId",
        count(*) FILTER (WHERE c.status = 'APPROVED')::int AS approved,
        count(*) FILTER (WHERE c.status = 'REJECTED')::int AS rejected,
        count(*) FILTER (WHERE c.status = 'SPAM')::int AS spam,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM comment_reports r WHERE r."commentId" = c.id))::int
          AS reported
      FROM comments c WHERE c."authorId" = ANY(${authorIds})
      GROUP BY c."authorId"`,
    db.commentReport.findMany({
      where: { commentId: { in: commentIds }, resolvedAt: null },
      orderBy: { createdAt: "asc" },
      select: { commentId: true, reason: true, detail: true },
    }),
    db.commentBan.findMany({
      where: {
        userId: { in: authorIds },
        liftedAt: null,
        OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
      },
      orderBy: { createdAt: "desc" },
      select: { userId: true, reason: true, expiresAt: true },
    }),
  ]);
  const byAuthor = new Map(counts.map((c) => [c.authorId, c]));
  const banOf = new Map<string, { reason: string; expiresAt: Date | null }>();
  for (const b of bans) if (!banOf.has(b.userId)) banOf.set(b.userId, b);
  const reports = new Map<string, ReportSummary>();
  for (const r of reportRows) {
    const s = reports.get(r.commentId) ?? { total: 0, byReason: [], details: [] };
    s.total++;
    const slot = s.byReason.find((x) => x.reason === r.reason);
    if (slot) slot.count++;
    else s.byReason.push({ reason: r.reason, count: 1 });
    if (r.detail && s.details.length < MAX_DETAILS) s.details.push(r.detail);
    reports.set(r.commentId, s);
  }
  return {
    history: (authorId: string): AuthorHistory => {
      const c = byAuthor.get(authorId);
      const ban = banOf.get(authorId);
      return {
        approved: c?.approved ?? 0,
        rejected: c?.rejected ?? 0,
        spam: c?.spam ?? 0,
        reported: c?.reported ?? 0,
        ban: ban ? { reason: ban.reason, expiresAt: ban.expiresAt } : null,
      };
    },
    reports: (commentId: string) => reports.get(commentId) ?? EMPTY_REPORTS,
  };
}

const emptyHistory = (): AuthorHistory => ({ approved: 0, rejected: 0, spam: 0, reported: 0, ban: null });
