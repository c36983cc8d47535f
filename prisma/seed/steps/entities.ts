import type { Db } from "@/lib/db/client";
import { aliasKey } from "@/lib/services/tags/alias-key";
import { entities } from "../data/entities";

/**
 * Threat entities as typed tags with aliases (issue 16). A tag that exists as a plain topic with
 * no description (an older demo database) becomes the entity; any other existing row is left as
 * an admin may have edited it. Aliases are added when missing.
 */
export async function seedEntities(db: Db) {
  let created = 0;
  for (const e of entities) {
    const { aliases, ...data } = e;
    const existing = await db.tag.findUnique({ where: { slug: e.slug }, select: { id: true } });
    const tag = existing ?? (await db.tag.create({ data, select: { id: true } }));
    if (existing)
      await db.tag.updateMany({
        where: { id: tag.id, kind: "TOPIC", description: null },
        data: { kind: e.kind, description: e.description },
      });
    else created++;
    await db.tagAlias.createMany({
      data: aliases.map((name) => ({ key: aliasKey(name), name, tagId: tag.id })),
      skipDuplicates: true,
    });
  }
  return { total: entities.length, created };
}
