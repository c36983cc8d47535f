import "server-only";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { audit } from "@/lib/audit";
import { forgetRedirectsTo } from "../redirects/record-redirect";
import { deleteTagSchema } from "./schemas";
import { invalidateTags, TAG_GONE, tagPath } from "./shared";

/**
 * 删除标签: only one no article carries (drafts and the 回收站 count too: deleting would strip
 * the tag from them silently). The row is locked first, so an article tagged meanwhile either
 * counts here or fails on its foreign key and is saved again.
 */
export async function deleteTag(actor: Actor | null, input: unknown) {
  assertCan(actor, "tag.manage");
  const { id } = deleteTagSchema.parse(input);
  const gone = await db.$transaction(async (tx) => {
    const [tag] = await tx.$queryRaw<{ slug: string; name: string }[]>`
      SELECT slug, name FROM tags WHERE id = ${id} FOR UPDATE`;
    if (!tag) throw new AppError("NOT_FOUND", TAG_GONE);
    const used = await tx.articleTag.count({ where: { tagId: id } });
    if (used > 0)
      throw new AppError(
        "CONFLICT",
        `「${tag.name}」还用在 ${used} 篇文章上（含草稿），不能删除。可以先把它合并到另一个标签。`,
      );
    await tx.tag.delete({ where: { id } });
    await forgetRedirectsTo(tx, tagPath(tag.slug));
    await audit(tx, {
      actorId: actor.id,
      action: "tag.delete",
      targetType: "tag",
      targetId: String(id),
      meta: { slug: tag.slug, name: tag.name },
    });
    return tag;
  });
  invalidateTags(gone.slug);
}
