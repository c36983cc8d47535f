import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { db } from "@/lib/db";
import { tags } from "@/lib/cache-tags";
import { isPublic, type PersonRef } from "./article-card";
import { lists } from "./cache-profile";

export type LatestComment = {
  id: string;
  excerpt: string;
  createdAt: Date;
  author: PersonRef | null;
  article: { publicId: string; title: string };
};

type Row = {
  id: string;
  excerpt: string;
  createdAt: Date;
  authorPublicId: string | null;
  authorName: string | null;
  authorAvatarUrl: string | null;
  articlePublicId: string;
  articleTitle: string;
};

/** 最新评论: approved comments on public articles by active users. One statement. */
export async function listLatestComments(limit = 6): Promise<LatestComment[]> {
  "use cache";
  cacheTag(tags.latestComments(), tags.articles());
  cacheLife(lists);
  const rows = await db.$queryRaw<Row[]>`
    SELECT cm.id, left(cm.body, 120) AS excerpt, cm."createdAt",
      p."publicId" AS "authorPublicId", p."displayName" AS "authorName", p."avatarUrl" AS "authorAvatarUrl",
      a."publicId" AS "articlePublicId", a.title AS "articleTitle"
    FROM comments cm
    JOIN articles a ON a.id = cm."articleId"
    JOIN users u ON u.id = cm."authorId" AND u.status = 'ACTIVE'
    LEFT JOIN profiles p ON p."userId" = cm."authorId"
    WHERE cm.status = 'APPROVED' AND ${isPublic}
    ORDER BY cm."createdAt" DESC
    LIMIT ${Math.min(limit, 20)}`;
  return rows.map((r) => ({
    id: r.id,
    excerpt: r.excerpt,
    createdAt: r.createdAt,
    author:
      r.authorPublicId && r.authorName
        ? { publicId: r.authorPublicId, displayName: r.authorName, avatarUrl: r.authorAvatarUrl }
        : null,
    article: { publicId: r.articlePublicId, title: r.articleTitle },
  }));
}
