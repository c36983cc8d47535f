import "server-only";
import { tags } from "@/lib/cache-tags";
import type { Db } from "@/lib/db/client";
import { AppError, type FieldErrors } from "@/lib/errors";
import { invalidatePublic } from "../articles/side-effects";
import { pagePath } from "../redirects/paths";

type Tx = Pick<Db, "tag">;

export const tagPath = (slug: string) => pagePath("tag", slug);

export const TAG_GONE = "没有找到该标签，可能已被删除或合并。请刷新页面。";

/**
 * Names are unique ignoring case (the editor matches typed tags that way, lib/services/articles/
 * resolve-tags.ts, so "APT" and "apt" would be one tag there), slugs exactly; say which clashes.
 */
export async function assertUniqueTag(tx: Tx, fields: { name: string; slug: string }, exceptId: number) {
  const clash = await tx.tag.findFirst({
    where: {
      OR: [{ slug: fields.slug }, { name: { equals: fields.name, mode: "insensitive" } }],
      NOT: { id: exceptId },
    },
    select: { slug: true },
  });
  if (!clash) return;
  const fieldErrors: FieldErrors =
    clash.slug === fields.slug
      ? { slug: [`URL 标识「${fields.slug}」已被其他标签使用。`] }
      : { name: [`标签名称「${fields.name}」已存在。要把两个标签合在一起，请用「合并」。`] };
  throw new AppError("CONFLICT", "标签名称或 URL 标识与已有标签重复，请换一个。", { fieldErrors });
}

/** A unique-index violation that slipped past assertUniqueTag (two editors at once) is a CONFLICT, not a 500. */
export function asTagConflict(e: unknown): never {
  if (e && typeof e === "object" && "code" in e && (e as { code: unknown }).code === "P2002") {
    throw new AppError("CONFLICT", "标签名称或 URL 标识与已有标签重复，请换一个。");
  }
  throw e;
}

/**
 * The named tag pages (old and new slug), every article page showing those tags (they carry
 * `tag:<slug>`, lib/services/public/get-public-article.ts) and every list printing tag names
 * or counts (`articles`: the 专题 index, the sitemap). The in-process page cache drops its
 * entries through the same tags (docs/request-path.md).
 */
export function invalidateTags(...slugs: string[]) {
  invalidatePublic([tags.articles(), ...slugs.map(tags.tag)]);
}
