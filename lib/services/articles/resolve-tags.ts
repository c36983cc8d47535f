import "server-only";
import { can, type Actor } from "@/lib/authz";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { newPublicId } from "@/lib/public-id";
import { aliasKey } from "../tags/alias-key";

type Tx = Pick<Db, "tag" | "tagAlias">;
export type ResolvedTag = { id: number; slug: string; name: string };

function slugFor(name: string): string {
  const ascii = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48);
  // Chinese names have no ascii slug: a short random one keeps /tag/<slug> URLs clean
  return ascii || `t-${newPublicId(8)}`;
}

/**
 * Tag names → rows. Existing tags match case-insensitively, then an entity's aliases (tagging
 * "Cozy Bear" tags APT29; issue 16); new names are created only for actors who may manage tags
 * (editors), others get a field error telling them what to do. Names naming the same tag give
 * it once.
 */
export async function resolveTags(tx: Tx, actor: Actor, names: string[]): Promise<ResolvedTag[]> {
  if (!names.length) return [];
  const select = { id: true, slug: true, name: true } as const;
  const [existing, aliases] = await Promise.all([
    tx.tag.findMany({ where: { name: { in: names, mode: "insensitive" } }, select }),
    tx.tagAlias.findMany({
      where: { key: { in: names.map(aliasKey) } },
      select: { key: true, tag: { select } },
    }),
  ]);
  const byName = new Map(existing.map((t) => [t.name.toLowerCase(), t]));
  for (const n of names) {
    const alias = aliases.find((a) => a.key === aliasKey(n));
    if (!byName.has(n.toLowerCase()) && alias) byName.set(n.toLowerCase(), alias.tag);
  }
  const missing = names.filter((n) => !byName.has(n.toLowerCase()));
  if (missing.length && !can(actor, "tag.manage")) {
    const msg = `标签“${missing.join("”“")}”不存在。请从已有标签中选择，或联系编辑新建。`;
    throw new AppError("INVALID", msg, { fieldErrors: { tags: [msg] } });
  }
  for (const name of missing) {
    let slug = slugFor(name);
    if (await tx.tag.findUnique({ where: { slug }, select: { id: true } })) slug = `t-${newPublicId(8)}`;
    // upsert by name: two editors adding the same new tag at once end up with one row
    const tag = await tx.tag.upsert({
      where: { name },
      update: {},
      create: { name, slug },
      select: { id: true, slug: true, name: true },
    });
    byName.set(name.toLowerCase(), tag);
  }
  const tags = names.map((n) => byName.get(n.toLowerCase())!);
  return tags.filter((t, i) => tags.findIndex((u) => u.id === t.id) === i);
}
