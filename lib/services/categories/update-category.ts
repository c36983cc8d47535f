import "server-only";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { audit } from "@/lib/audit";
import { pagePath } from "../redirects/paths";
import { recordRedirect } from "../redirects/record-redirect";
import { categoryFieldsSchema, categoryIdSchema } from "./schemas";
import { asConflict, assertUnique, invalidateCategories } from "./shared";

export const updateCategorySchema = categoryFieldsSchema.extend({ id: categoryIdSchema });

/**
 * 修改分类: name, slug and description. A new slug changes the category's URL, so both the old
 * and the new category page are invalidated along with the bar, and the old path (and its feed,
 * lib/services/redirects/paths.ts) answers 301 to the new one, recorded in the same transaction.
 */
export async function updateCategory(actor: Actor | null, input: unknown) {
  assertCan(actor, "category.manage");
  const { id, ...fields } = updateCategorySchema.parse(input);
  const before = await db
    .$transaction(async (tx) => {
      const old = await tx.category.findUnique({
        where: { id },
        select: { name: true, slug: true, description: true },
      });
      if (!old) throw new AppError("NOT_FOUND", "没有找到该分类，可能已被删除。请刷新页面。");
      await assertUnique(tx, fields, id);
      await tx.category.update({ where: { id }, data: fields });
      if (old.slug !== fields.slug)
        await recordRedirect(tx, pagePath("category", old.slug), pagePath("category", fields.slug));
      await audit(tx, {
        actorId: actor.id,
        action: "category.update",
        targetType: "category",
        targetId: String(id),
        meta: { from: old, to: fields },
      });
      return old;
    })
    .catch(asConflict);
  invalidateCategories(before.slug, fields.slug);
  return { id, ...fields };
}
