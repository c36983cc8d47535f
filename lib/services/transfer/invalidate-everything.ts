import "server-only";
import { articleChangeTags, commentChangeTags, tags } from "@/lib/cache-tags";
import { db } from "@/lib/db";
import { invalidatePublic } from "../articles/side-effects";

/** After an import every public page may have changed: every tag a public read carries is invalidated. */
export async function invalidateEverything() {
  const [articles, categories, tagRows, pages] = await Promise.all([
    db.article.findMany({ select: { id: true, authorId: true, translatorId: true } }),
    db.category.findMany({ select: { slug: true } }),
    db.tag.findMany({ select: { slug: true } }),
    db.page.findMany({ select: { slug: true } }),
  ]);
  const out = [tags.articles(), tags.categories(), tags.settings(), tags.pages(), tags.latestComments()];
  for (const a of articles) out.push(...articleChangeTags(a), ...commentChangeTags(a.id));
  for (const c of categories) out.push(tags.category(c.slug));
  for (const t of tagRows) out.push(tags.tag(t.slug));
  for (const p of pages) out.push(tags.page(p.slug));
  invalidatePublic(out);
}
