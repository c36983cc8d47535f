import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { config } from "./cache-profile";
import { decodeCommentCursor, encodeCommentCursor } from "./comment-cursor";

export type CommentOrder = "newest" | "oldest";
export type PublicComment = {
  id: string;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  /** a top-level comment its author deleted, kept as "该评论已删除" because replies hang under it */
  deleted: boolean;
  author: { publicId: string; displayName: string; avatarUrl: string | null };
};
export type CommentThread = PublicComment & { replies: PublicComment[] };
export type CommentPage = { threads: CommentThread[]; nextCursor: string | null };

/** Threads per page: the first page is in the cached article HTML, the rest come from the API route. */
export const COMMENT_PAGE_SIZE = 20;

type Row = {
  id: string;
  parentId: string | null;
  body: string;
  status: string;
  createdAt: Date;
  editedAt: Date | null;
  publicId: string | null;
  displayName: string | null;
  avatarUrl: string | null;
};
const columns = Prisma.sql`
  c.id, c."parentId", c.body, c.status::text AS status, c."createdAt", c."editedAt",
  p."publicId", p."displayName", p."avatarUrl"`;

const NOBODY = { publicId: "", displayName: "", avatarUrl: null };
const toComment = (c: Row): PublicComment =>
  c.status === "DELETED"
    ? { id: c.id, body: "", createdAt: c.createdAt, editedAt: null, deleted: true, author: NOBODY }
    : {
        id: c.id,
        body: c.body,
        createdAt: c.createdAt,
        editedAt: c.editedAt,
        deleted: false,
        author:
          c.publicId && c.displayName
            ? { publicId: c.publicId, displayName: c.displayName, avatarUrl: c.avatarUrl }
            : { publicId: "", displayName: "已注销用户", avatarUrl: null },
      };

/**
 * One page of an article's comments, one level of threading: top-level comments in the reader's
 * order, keyset-paged by (createdAt, id) so page 50 costs what page 1 does; each with its approved
 * replies oldest first (a conversation reads top to bottom). A reply whose parent is not visible is
 * not shown; a deleted parent with visible replies stays as a placeholder. Two statements whatever
 * the number of comments. `cursor` must have been checked (decodeCommentCursor) by the caller.
 */
export async function listArticleComments(
  articleId: string,
  order: CommentOrder,
  cursor: string | null = null,
  limit = COMMENT_PAGE_SIZE,
): Promise<CommentPage> {
  "use cache";
  // only moderation and the authors' own edits change this list, and both invalidate the tag
  cacheLife(config);
  cacheTag(tags.comments(articleId));
  const take = Math.min(Math.max(1, Math.trunc(limit)), 50);
  const after = decodeCommentCursor(cursor);
  const dir = Prisma.raw(order === "oldest" ? "ASC" : "DESC");
  const beyond = after
    ? order === "oldest"
      ? Prisma.sql`AND (c."createdAt", c.id) > (${after.createdAt}, ${after.id})`
      : Prisma.sql`AND (c."createdAt", c.id) < (${after.createdAt}, ${after.id})`
    : Prisma.empty;
  // raw statements: Prisma's nested author → profile select costs two more statements per level
  const rows = await db.$queryRaw<Row[]>`
    SELECT ${columns}
    FROM comments c LEFT JOIN profiles p ON p."userId" = c."authorId"
    WHERE c."articleId" = ${articleId} AND c."parentId" IS NULL
      AND (c.status = 'APPROVED' OR (c.status = 'DELETED' AND EXISTS (
        SELECT 1 FROM comments r WHERE r."parentId" = c.id AND r.status = 'APPROVED')))
      ${beyond}
    ORDER BY c."createdAt" ${dir}, c.id ${dir} -- ties broken the same way both ways: 最早 is 最新 reversed
    LIMIT ${take + 1}`;
  const page = rows.slice(0, take);
  const replies = page.length
    ? await db.$queryRaw<Row[]>`
        SELECT ${columns}
        FROM comments c LEFT JOIN profiles p ON p."userId" = c."authorId"
        WHERE c."parentId" = ANY(${page.map((c) => c.id)}) AND c.status = 'APPROVED'
        ORDER BY c."createdAt" ASC, c.id ASC`
    : [];
  const last = page.at(-1);
  return {
    threads: page.map((c) => ({
      ...toComment(c),
      replies: replies.filter((r) => r.parentId === c.id).map(toComment),
    })),
    nextCursor: rows.length > take && last ? encodeCommentCursor(last) : null,
  };
}
