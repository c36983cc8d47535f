import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { db } from "@/lib/db";
import { tags } from "@/lib/cache-tags";
import { isPublic } from "./article-card";
import { lists } from "./cache-profile";

/** A member's public profile. Built from Profile only; bio is null when they wrote none. */
export type MemberDto = {
  publicId: string;
  displayName: string;
  bio: string | null;
  avatarUrl: string | null;
  joinedAt: Date;
  articleCount: number;
};

type Row = Omit<MemberDto, "articleCount"> & { userId: string; articleCount: number };

/** Profile plus its public article count (as author or translator) in one statement. */
export async function getMember(publicId: string): Promise<MemberDto | null> {
  "use cache";
  cacheLife(lists);
  cacheTag(tags.articles());
  const [row] = await db.$queryRaw<Row[]>`
    SELECT p."userId", p."publicId", p."displayName", p.bio, p."avatarUrl", p."createdAt" AS "joinedAt",
      (SELECT count(*)::int FROM articles a
        WHERE (a."authorId" = p."userId" OR a."translatorId" = p."userId") AND ${isPublic}) AS "articleCount"
    FROM profiles p
    WHERE p."publicId" = ${publicId}`;
  if (!row) return null;
  cacheTag(tags.author(row.userId));
  return {
    publicId: row.publicId,
    displayName: row.displayName,
    bio: row.bio?.trim() ? row.bio : null,
    avatarUrl: row.avatarUrl,
    joinedAt: row.joinedAt,
    articleCount: Number(row.articleCount),
  };
}
