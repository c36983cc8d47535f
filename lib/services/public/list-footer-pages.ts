import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { footerPages } from "@/components/site/footer-pages";
import { db } from "@/lib/db";
import { tags } from "@/lib/cache-tags";
import { config } from "./cache-profile";

export type FooterPageLink = { slug: string; title: string };

/**
 * The footer's page links in footer order, titled from the Page rows so an admin's new title shows
 * at once (the page editor invalidates tags.pages()). A page without a row keeps its default label.
 */
export async function listFooterPages(): Promise<FooterPageLink[]> {
  "use cache";
  cacheTag(tags.pages());
  cacheLife(config);
  const rows = await db.page.findMany({
    where: { slug: { in: footerPages.map((p) => p.slug) } },
    select: { slug: true, title: true },
  });
  const titles = new Map(rows.map((r) => [r.slug, r.title]));
  return footerPages.map((p) => ({ slug: p.slug, title: titles.get(p.slug) ?? p.label }));
}
