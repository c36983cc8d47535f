import "server-only";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { audit } from "@/lib/audit";
import { recordRedirect } from "../redirects/record-redirect";
import { aliasKey } from "./alias-key";
import { mergeTagsSchema } from "./schemas";
import { invalidateTags, TAG_GONE, tagPath } from "./shared";

/**
 * 合并标签: every article tagged A gets B (unless it already has it), then A is deleted and
 * /tag/<a> answers 301 to /tag/<b>. A's name and aliases become B's aliases, so tagging with
 * them finds B. B is named by its name (any case) or URL 标识.
 *
 * Both tag rows are locked first, in id order (two opposite merges at once cannot deadlock; the
 * second finds its tag gone). An article saved with A meanwhile holds a key-share lock on A's row
 * through its foreign key: either it commits first and its row is moved here, or it waits and
 * then fails on the deleted tag and the editor saves again. No tagging is lost silently.
 */
export async function mergeTags(actor: Actor | null, input: unknown) {
  assertCan(actor, "tag.manage");
  const { id, into } = mergeTagsSchema.parse(input);
  const result = await db.$transaction(async (tx) => {
    // a URL 标识 is exact and wins over another tag's name spelled the same
    const target =
      (await tx.tag.findUnique({ where: { slug: into.toLowerCase() }, select: { id: true } })) ??
      (await tx.tag.findFirst({
        where: { name: { equals: into, mode: "insensitive" } },
        select: { id: true },
      }));
    if (!target) {
      const msg = `没有名称或 URL 标识为「${into}」的标签。请从列表中选一个已有标签。`;
      throw new AppError("INVALID", msg, { fieldErrors: { into: [msg] } });
    }
    if (target.id === id) throw new AppError("INVALID", "不能把标签合并到它自己。请选择另一个标签。");
    const locked = await tx.$queryRaw<{ id: number; slug: string; name: string }[]>`
      SELECT id, slug, name FROM tags WHERE id IN (${id}, ${target.id}) ORDER BY id FOR UPDATE`;
    const from = locked.find((t) => t.id === id);
    const to = locked.find((t) => t.id === target.id);
    if (!from || !to) throw new AppError("NOT_FOUND", TAG_GONE);
    const moved = await tx.$executeRaw`
      INSERT INTO article_tags ("articleId", "tagId")
      SELECT "articleId", ${to.id} FROM article_tags WHERE "tagId" = ${from.id}
      ON CONFLICT DO NOTHING`;
    const { count: had } = await tx.articleTag.deleteMany({ where: { tagId: from.id } });
    // the merged tag's aliases and its own name keep resolving, now to the kept tag (issue 16)
    await tx.tagAlias.updateMany({ where: { tagId: from.id }, data: { tagId: to.id } });
    await tx.tagAlias.createMany({
      data: [{ key: aliasKey(from.name), name: from.name, tagId: to.id }],
      skipDuplicates: true,
    });
    await tx.tag.delete({ where: { id: from.id } });
    await recordRedirect(tx, tagPath(from.slug), tagPath(to.slug));
    await audit(tx, {
      actorId: actor.id,
      action: "tag.merge",
      targetType: "tag",
      targetId: String(to.id),
      meta: {
        from: { id: from.id, name: from.name, slug: from.slug },
        to: { id: to.id, name: to.name, slug: to.slug },
        articles: had,
        added: moved,
      },
    });
    return { from, to, articles: had, added: moved };
  });
  invalidateTags(result.from.slug, result.to.slug);
  return { into: result.to, articles: result.articles, added: result.added };
}
