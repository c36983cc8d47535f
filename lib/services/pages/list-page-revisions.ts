import "server-only";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import type { PageSlug } from "./schemas";

const REVISIONS_PER_PAGE = 20;

type PageRevisionRow = { id: string; title: string; createdAt: Date; editorName: string | null };

/** 历史版本 of one page, newest first, 20 a page with the total (history only grows, so it is paged). */
export async function listPageRevisions(actor: Actor | null, slug: PageSlug, page: number) {
  assertCan(actor, "page.manage");
  const where = { page: { slug } };
  const [total, rows] = await Promise.all([
    db.pageRevision.count({ where }),
    db.pageRevision.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * REVISIONS_PER_PAGE,
      take: REVISIONS_PER_PAGE,
      select: {
        id: true,
        title: true,
        createdAt: true,
        editor: { select: { profile: { select: { displayName: true } } } },
      },
    }),
  ]);
  const items: PageRevisionRow[] = rows.map(({ editor, ...r }) => ({
    ...r,
    editorName: editor?.profile?.displayName ?? null,
  }));
  return { items, total, pageCount: Math.max(1, Math.ceil(total / REVISIONS_PER_PAGE)) };
}
