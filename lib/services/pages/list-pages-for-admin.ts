import "server-only";
import { footerPages } from "@/components/site/footer-pages";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import type { PageSlug } from "./schemas";

export type AdminPageRow = {
  slug: PageSlug;
  /** the footer's default name, shown for a page whose row is missing */
  label: string;
  /** null: no Page row yet (it can be created from 页面管理) */
  page: { title: string; updatedAt: Date; editorName: string | null; revisions: number } | null;
};

/** 页面管理: the footer's five pages in footer order, with their title, last edit and its editor. */
export async function listPagesForAdmin(actor: Actor | null): Promise<AdminPageRow[]> {
  assertCan(actor, "page.manage");
  const rows = await db.page.findMany({
    where: { slug: { in: footerPages.map((p) => p.slug) } },
    select: {
      slug: true,
      title: true,
      updatedAt: true,
      _count: { select: { revisions: true } },
      revisions: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 1,
        select: { editor: { select: { profile: { select: { displayName: true } } } } },
      },
    },
  });
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  return footerPages.map(({ slug, label }) => {
    const r = bySlug.get(slug);
    return {
      slug,
      label,
      page: r
        ? {
            title: r.title,
            updatedAt: r.updatedAt,
            editorName: r.revisions[0]?.editor?.profile?.displayName ?? null,
            revisions: r._count.revisions,
          }
        : null,
    };
  });
}
