import "server-only";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";

export type SiteOverview = {
  articles: Record<string, number>;
  comments: Record<string, number>;
  users: Record<string, number>;
};

const tally = (rows: { key: string; n: number }[]) => Object.fromEntries(rows.map((r) => [r.key, r.n]));

/** Counts for the admin overview: articles by status, comments by status, users by role. Admins only. */
export async function getSiteOverview(actor: Actor | null): Promise<SiteOverview> {
  // NOT_FOUND-style denial is decided by the page; the service refuses anyone without the grant
  assertCan(actor, "user.manage");
  const [articles, comments, users] = await Promise.all([
    db.$queryRaw<
      { key: string; n: number }[]
    >`SELECT status::text AS key, count(*)::int AS n FROM articles GROUP BY status`,
    db.$queryRaw<
      { key: string; n: number }[]
    >`SELECT status::text AS key, count(*)::int AS n FROM comments GROUP BY status`,
    db.$queryRaw<
      { key: string; n: number }[]
    >`SELECT role::text AS key, count(*)::int AS n FROM users GROUP BY role`,
  ]);
  return { articles: tally(articles), comments: tally(comments), users: tally(users) };
}
