import "server-only";
import type { JSONContent } from "@tiptap/core";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { storedPageDoc } from "./page-doc";
import type { PageSlug } from "./schemas";

export type PageForEdit = {
  slug: PageSlug;
  title: string;
  doc: JSONContent;
  version: number;
  updatedAt: Date;
};

/** What the page editor opens with, or null when the page's row does not exist yet. */
export async function getPageForEdit(actor: Actor | null, slug: PageSlug): Promise<PageForEdit | null> {
  assertCan(actor, "page.manage");
  const row = await db.page.findUnique({
    where: { slug },
    select: { title: true, body: true, version: true, updatedAt: true },
  });
  return (
    row && {
      slug,
      title: row.title,
      doc: storedPageDoc(row.body),
      version: row.version,
      updatedAt: row.updatedAt,
    }
  );
}
