import "server-only";
import { assertCan, can, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";

type Option = { id: string; name: string };
export type ArticleFilterOptions = {
  categories: { id: number; name: string }[];
  /** empty for those who only see their own articles: the filter would only ever name them */
  authors: Option[];
  translators: Option[];
};

const MAX_PEOPLE = 300;
const person = { id: true, profile: { select: { displayName: true } } } as const;
const toOption = (u: { id: string; profile: { displayName: string } | null }): Option => ({
  id: u.id,
  name: u.profile?.displayName ?? "未命名",
});

/** The filter bar's choices: every category, and the people who wrote or translated an article. */
export async function listArticleFilterOptions(actor: Actor | null): Promise<ArticleFilterOptions> {
  assertCan(actor, "article.create");
  const seesAll = can(actor, "article.editAny");
  const [categories, authors, translators] = await Promise.all([
    db.category.findMany({ select: { id: true, name: true }, orderBy: [{ position: "asc" }, { id: "asc" }] }),
    seesAll
      ? db.user.findMany({
          where: { articles: { some: {} } },
          select: person,
          orderBy: { createdAt: "asc" },
          take: MAX_PEOPLE,
        })
      : [],
    seesAll
      ? db.user.findMany({
          where: { translations: { some: {} } },
          select: person,
          orderBy: { createdAt: "asc" },
          take: MAX_PEOPLE,
        })
      : [],
  ]);
  return { categories, authors: authors.map(toOption), translators: translators.map(toOption) };
}
