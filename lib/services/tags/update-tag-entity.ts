import "server-only";
import { assertCan, type Actor } from "@/lib/authz";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { aliasKey } from "./alias-key";
import { updateTagEntitySchema } from "./schemas";
import { asTagConflict, invalidateTags, TAG_GONE } from "./shared";

/**
 * 类型与别名 (editors and admins): a tag becomes a threat entity (actor, malware, vendor, product)
 * or a topic again, with a public description and its aliases. The aliases replace the old ones
 * in one transaction; one naming another tag (its name or one of its aliases) is refused with the
 * tag it belongs to, since tagging with it must resolve to exactly one tag. An alias equal to the
 * tag's own name is dropped, spellings of one alias (case, full-width) kept once. Audited as
 * `tag.entity`; the tag's page and the lists are invalidated.
 */
export async function updateTagEntity(actor: Actor | null, input: unknown) {
  assertCan(actor, "tag.manage");
  const { id, kind, description, aliases } = updateTagEntitySchema.parse(input);
  const result = await db
    .$transaction(async (tx) => {
      const tag = await tx.tag.findUnique({ where: { id }, select: { slug: true, name: true } });
      if (!tag) throw new AppError("NOT_FOUND", TAG_GONE);
      const byKey = new Map<string, string>();
      for (const a of aliases) {
        const key = aliasKey(a);
        if (key && key !== aliasKey(tag.name) && !byKey.has(key)) byKey.set(key, a);
      }
      const keys = [...byKey.keys()];
      const [named, aliased] = await Promise.all([
        tx.tag.findMany({
          where: { name: { in: [...byKey.values()], mode: "insensitive" }, NOT: { id } },
          select: { name: true },
        }),
        tx.tagAlias.findMany({
          where: { key: { in: keys }, NOT: { tagId: id } },
          select: { name: true, tag: { select: { name: true } } },
        }),
      ]);
      const clashes = [
        ...named.map((t) => `「${t.name}」已是一个标签，请用「合并」`),
        ...aliased.map((a) => `「${a.name}」已是「${a.tag.name}」的别名`),
      ];
      if (clashes.length) {
        const msg = `${clashes.join("；")}。`;
        throw new AppError("CONFLICT", msg, { fieldErrors: { aliases: [msg] } });
      }
      await tx.tag.update({ where: { id }, data: { kind, description } });
      await tx.tagAlias.deleteMany({ where: { tagId: id } });
      await tx.tagAlias.createMany({ data: keys.map((key) => ({ key, name: byKey.get(key)!, tagId: id })) });
      await audit(tx, {
        actorId: actor.id,
        action: "tag.entity",
        targetType: "tag",
        targetId: String(id),
        meta: { kind, aliases: [...byKey.values()] },
      });
      return { slug: tag.slug, aliases: [...byKey.values()] };
    })
    .catch(asTagConflict);
  invalidateTags(result.slug);
  return { id, kind, description, aliases: result.aliases };
}
