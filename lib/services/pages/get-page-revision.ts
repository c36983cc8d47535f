import "server-only";
import { assertCan, type Actor } from "@/lib/authz";
import { sanitizeArticleHtml } from "@/lib/content/sanitize";
import { db } from "@/lib/db";
import type { PageSlug } from "./schemas";

export type PageRevisionView = {
  id: string;
  title: string;
  bodyHtml: string;
  createdAt: Date;
  editorName: string | null;
  /** the page's version now: a restore names it, so a page changed meanwhile is a CONFLICT */
  pageVersion: number;
};

/** One revision of a page for 查看, or null. Its HTML is sanitised again on the way out (revisions may be imported). */
export async function getPageRevision(
  actor: Actor | null,
  slug: PageSlug,
  id: string,
): Promise<PageRevisionView | null> {
  assertCan(actor, "page.manage");
  const rev = await db.pageRevision.findFirst({
    where: { id, page: { slug } },
    select: {
      id: true,
      title: true,
      bodyHtml: true,
      createdAt: true,
      editor: { select: { profile: { select: { displayName: true } } } },
      page: { select: { version: true } },
    },
  });
  if (!rev) return null;
  const { editor, page, bodyHtml, ...rest } = rev;
  return {
    ...rest,
    bodyHtml: sanitizeArticleHtml(bodyHtml),
    editorName: editor?.profile?.displayName ?? null,
    pageVersion: page.version,
  };
}
