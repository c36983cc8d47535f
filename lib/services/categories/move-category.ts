import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { audit } from "@/lib/audit";
import { categoryIdSchema } from "./schemas";
import { invalidateCategories } from "./shared";

export const moveCategorySchema = z.strictObject({
  id: categoryIdSchema,
  direction: z.enum(["up", "down"], { error: "未知的移动方向。" }),
});

/**
 * 上移 / 下移 one place in the category bar. Positions are rewritten as 10, 20, 30… in the new
 * order, so equal or gappy positions (older rows, hand edits) never make a move a no-op.
 */
export async function moveCategory(actor: Actor | null, input: unknown) {
  assertCan(actor, "category.manage");
  const { id, direction } = moveCategorySchema.parse(input);
  await db.$transaction(async (tx) => {
    // lock the table's rows in order so two moves at once cannot interleave
    const rows = await tx.$queryRaw<
      { id: number; position: number }[]
    >`SELECT id, position FROM categories ORDER BY position, id FOR UPDATE`;
    const i = rows.findIndex((r) => r.id === id);
    if (i < 0) throw new AppError("NOT_FOUND", "没有找到该分类，可能已被删除。请刷新页面。");
    const j = direction === "up" ? i - 1 : i + 1;
    if (j < 0 || j >= rows.length)
      throw new AppError("INVALID", direction === "up" ? "该分类已经在最前面。" : "该分类已经在最后面。");
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
    for (const [k, r] of rows.entries()) {
      if (r.position !== (k + 1) * 10)
        await tx.category.update({ where: { id: r.id }, data: { position: (k + 1) * 10 } });
    }
    await audit(tx, {
      actorId: actor.id,
      action: "category.move",
      targetType: "category",
      targetId: String(id),
      meta: { from: i + 1, to: j + 1 },
    });
  });
  invalidateCategories();
}
