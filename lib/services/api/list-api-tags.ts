import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import type { TagKind } from "@/lib/generated/prisma/enums";
import { isPublic } from "@/lib/services/public/article-card";
import { lists } from "@/lib/services/public/cache-profile";

export type ApiTag = {
  slug: string;
  name: string;
  kind: TagKind;
  description: string | null;
  aliases: string[];
  articleCount: number;
};

/**
 * GET /api/v1/tags: like the 专题 index (listTags), the tags that have public articles, busiest
 * first, with each one's kind, description and aliases (as getTag shows them). One statement.
 */
export async function listApiTags(): Promise<ApiTag[]> {
  "use cache";
  cacheTag(tags.articles());
  cacheLife(lists);
  const rows = await db.$queryRaw<ApiTag[]>`
    SELECT t.slug, t.name, t.kind::text AS kind, t.description,
      COALESCE((SELECT array_agg(x.name ORDER BY x.key) FROM tag_aliases x WHERE x."tagId" = t.id), '{}') AS aliases,
      count(*)::int AS "articleCount"
    FROM tags t
    JOIN article_tags at ON at."tagId" = t.id
    JOIN articles a ON a.id = at."articleId" AND ${isPublic}
    GROUP BY t.id
    ORDER BY count(*) DESC, t.name
    LIMIT 500`;
  return rows.map((r) => ({ ...r, articleCount: Number(r.articleCount) }));
}
