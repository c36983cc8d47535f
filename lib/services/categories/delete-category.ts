import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { audit } from "@/lib/audit";
import { categoryIdSchema } from "./schemas";
import { invalidateCategories } from "./shared";

export const deleteCategorySchema = z.strictObject({ id: categoryIdSchema });

/** 删除分类: only an empty one (drafts count too), so no article is left without a category. */
export async function deleteCategory(actor: Actor | null, input: unknown) {
  assertCan(actor, "category.manage");
  const { id } = deleteCategorySchema.parse(input);
  const gone = await db
    .$transaction(async (tx) => {
      const c = await tx.category.findUnique({
        where: { id },
        select: { slug: true, name: true, _count: { select: { articles: true } } },
      });
      if (!c) throw new AppError("NOT_FOUND", "没有找到该分类，可能已被删除。请刷新页面。");
      if (c._count.articles > 0) {
        throw new AppError(
          "CONFLICT",
          `「${c.name}」下还有 ${c._count.articles} 篇文章（含草稿），请先把它们移到其他分类，再删除。`,
        );
      }
      await tx.category.delete({ where: { id } });
      await audit(tx, {
        actorId: actor.id,
        action: "category.delete",
        targetType: "category",
        targetId: String(id),
        meta: { slug: c.slug, name: c.name },
      });
      return c;
    })
    .catch((e: unknown) => {
      // an article filed into it between the count and the delete: the foreign key refuses
      if (e && typeof e === "object" && "code" in e && (e as { code: unknown }).code === "P2003") {
        throw new AppError("CONFLICT", "该分类刚刚有文章加入，不能删除。请刷新页面查看。");
      }
      throw e;
    });
  invalidateCategories(gone.slug);
}
