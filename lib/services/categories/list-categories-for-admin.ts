import "server-only";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";

export type AdminCategory = {
  id: number;
  slug: string;
  name: string;
  description: string | null;
  position: number;
  articleCount: number;
};

/** 分类管理: every category in bar order with how many articles (any status) it holds. */
export async function listCategoriesForAdmin(actor: Actor | null): Promise<AdminCategory[]> {
  assertCan(actor, "category.manage");
  const rows = await db.category.findMany({
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      position: true,
      _count: { select: { articles: true } },
    },
  });
  return rows.map(({ _count, ...c }) => ({ ...c, articleCount: _count.articles }));
}
