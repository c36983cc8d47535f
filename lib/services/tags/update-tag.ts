import "server-only";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { audit } from "@/lib/audit";
import { recordRedirect } from "../redirects/record-redirect";
import { updateTagSchema } from "./schemas";
import { asTagConflict, assertUniqueTag, invalidateTags, TAG_GONE, tagPath } from "./shared";

/**
 * 修改标签: name and URL 标识 (editors and admins). A new slug moves the tag page: the old path
 * answers 301 to the new one (recorded in the same transaction). Each changed field is audited
 * on its own (`tag.rename`, `tag.changeSlug`, with from → to); an unchanged form writes nothing.
 */
export async function updateTag(actor: Actor | null, input: unknown) {
  assertCan(actor, "tag.manage");
  const { id, ...fields } = updateTagSchema.parse(input);
  const old = await db
    .$transaction(async (tx) => {
      const before = await tx.tag.findUnique({ where: { id }, select: { name: true, slug: true } });
      if (!before) throw new AppError("NOT_FOUND", TAG_GONE);
      if (before.name === fields.name && before.slug === fields.slug) return before;
      await assertUniqueTag(tx, fields, id);
      await tx.tag.update({ where: { id }, data: fields });
      const target = { actorId: actor.id, targetType: "tag", targetId: String(id) };
      if (before.name !== fields.name)
        await audit(tx, { ...target, action: "tag.rename", meta: { from: before.name, to: fields.name } });
      if (before.slug !== fields.slug) {
        await recordRedirect(tx, tagPath(before.slug), tagPath(fields.slug));
        await audit(tx, {
          ...target,
          action: "tag.changeSlug",
          meta: { from: before.slug, to: fields.slug },
        });
      }
      return before;
    })
    .catch(asTagConflict);
  if (old.name !== fields.name || old.slug !== fields.slug) invalidateTags(old.slug, fields.slug);
  return { id, ...fields };
}
