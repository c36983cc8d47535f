import "server-only";
import { revalidateTag, updateTag } from "next/cache";
import { articleChangeTags } from "@/lib/cache-tags";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { invalidateFromBackground } from "@/lib/jobs/background-invalidation";
import { audit } from "@/lib/audit";
import { announceInvalidation } from "@/lib/cache/invalidation-bus";
import { emitArticleEvent, emitArticleUnpublished } from "@/lib/webhooks/article-events";
import type { ArticleHead } from "./access";

type Tx = Pick<Db, "auditLog">;

/** One AuditLog row per state change of an article (with the request's IP); written in the same transaction as the change. */
export function auditArticle(
  tx: Tx,
  actorId: string | null,
  action: string,
  articleId: string,
  meta?: Prisma.InputJsonValue,
) {
  return audit(tx, { actorId, action, targetType: "article", targetId: articleId, meta });
}

export const cacheTagsOf = (a: Pick<ArticleHead, "id" | "authorId" | "translatorId" | "category" | "tags">) =>
  articleChangeTags({
    id: a.id,
    authorId: a.authorId,
    translatorId: a.translatorId,
    categorySlug: a.category.slug,
    tagSlugs: a.tags.map((t) => t.tag.slug),
  });

/**
 * Invalidates public cache entries. Inside a server action `updateTag` expires them at once, so the
 * editor who just published sees the page; in a route handler `revalidateTag(…, "max")` is the
 * allowed form. Outside any request (a timer, a background job) Next has no request scope to touch,
 * so the tags go to this process' own server over loopback (lib/jobs/background-invalidation.ts),
 * which expires them inside a request. Jobs that want to wait for that call
 * `invalidateFromBackground` themselves. Other app instances hear of it through the cache bus.
 */
export function invalidatePublic(tagList: string[]) {
  const unscoped: string[] = [];
  for (const tag of new Set(tagList)) {
    try {
      updateTag(tag);
    } catch {
      try {
        revalidateTag(tag, "max");
      } catch {
        unscoped.push(tag);
      }
    }
  }
  if (unscoped.length) void invalidateFromBackground(unscoped);
  // and every other app instance (lib/cache/invalidation-bus.ts)
  announceInvalidation(tagList);
}

/** Public pages only show PUBLISHED articles: a change invalidates them only when it crosses that line. */
export const touchesPublic = (...statuses: string[]) => statuses.includes("PUBLISHED");

/**
 * Webhooks for a status change, after its transaction committed: crossing into PUBLISHED is
 * article.published, leaving it article.unpublished. Never throws (lib/webhooks/emit.ts).
 */
export async function announceTransition(articleId: string, from: string, to: string) {
  if (to === "PUBLISHED" && from !== "PUBLISHED") await emitArticleEvent("article.published", articleId);
  else if (from === "PUBLISHED" && to !== "PUBLISHED") await emitArticleUnpublished(articleId);
}
