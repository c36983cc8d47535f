import "server-only";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit";
import { categoryFieldsSchema } from "./schemas";
import { asConflict, assertUnique, invalidateCategories } from "./shared";

export const createCategorySchema = categoryFieldsSchema;

/** 新建分类: appended at the end of the category bar. */
export async function createCategory(actor: Actor | null, input: unknown) {
  assertCan(actor, "category.manage");
  const fields = createCategorySchema.parse(input);
  const created = await db
    .$transaction(async (tx) => {
      await assertUnique(tx, fields);
      const last = await tx.category.aggregate({ _max: { position: true } });
      const c = await tx.category.create({
        data: { ...fields, position: (last._max.position ?? 0) + 10 },
        select: { id: true, slug: true, name: true },
      });
      await audit(tx, {
        actorId: actor.id,
        action: "category.create",
        targetType: "category",
        targetId: String(c.id),
        meta: { ...fields },
      });
      return c;
    })
    .catch(asConflict);
  invalidateCategories(created.slug);
  return created;
}
