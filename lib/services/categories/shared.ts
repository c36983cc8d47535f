import "server-only";
import { tags } from "@/lib/cache-tags";
import type { Db } from "@/lib/db/client";
import { AppError, type FieldErrors } from "@/lib/errors";
import { invalidatePublic } from "../articles/side-effects";

type Tx = Pick<Db, "category">;

/** Name and slug are unique; say which one clashes, in a message the admin can act on. */
export async function assertUnique(tx: Tx, fields: { name: string; slug: string }, exceptId?: number) {
  const clash = await tx.category.findFirst({
    where: {
      OR: [{ slug: fields.slug }, { name: { equals: fields.name, mode: "insensitive" } }],
      ...(exceptId ? { NOT: { id: exceptId } } : {}),
    },
    select: { slug: true, name: true },
  });
  if (!clash) return;
  const fieldErrors: FieldErrors =
    clash.slug === fields.slug
      ? { slug: [`URL 标识「${fields.slug}」已被其他分类使用。`] }
      : { name: [`分类名称「${fields.name}」已存在。`] };
  throw new AppError("CONFLICT", "分类名称或 URL 标识与已有分类重复，请换一个。", { fieldErrors });
}

/** A unique-index violation that slipped past assertUnique (two admins at once) is a CONFLICT, not a 500. */
export function asConflict(e: unknown): never {
  if (e && typeof e === "object" && "code" in e && (e as { code: unknown }).code === "P2002") {
    throw new AppError("CONFLICT", "分类名称或 URL 标识与已有分类重复，请换一个。");
  }
  throw e;
}

/** The category bar and every list that prints category names (article cards), plus the named category pages. */
export function invalidateCategories(...slugs: string[]) {
  invalidatePublic([tags.categories(), tags.articles(), ...slugs.map(tags.category)]);
}
