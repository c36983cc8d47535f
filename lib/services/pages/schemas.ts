import { z } from "zod";
import { footerPages } from "@/components/site/footer-pages";
import { bodySchema } from "../articles/body-schema";
import { versionSchema } from "../articles/schemas";
import { safeText } from "@/lib/validation";

export type PageSlug = (typeof footerPages)[number]["slug"];

const slugs = footerPages.map((p) => p.slug) as [PageSlug, ...PageSlug[]];

/** The footer's pages only: their URLs (/page/<slug>) are fixed, so an admin cannot add or rename one. */
export const pageSlugSchema = z.enum(slugs, { error: "没有这个页面。" });

/** A revision id (cuid, or the migration's backfilled "prev…" ids). */
export const revisionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "版本编号无效。");

export const savePageSchema = z.strictObject({
  slug: pageSlugSchema,
  version: versionSchema,
  // Page.title is varchar(100)
  title: safeText(100, { min: 1 }),
  // the article body's rules: schema, size, depth, nodes, attributes, image alt text
  body: bodySchema,
});

export const restorePageRevisionSchema = z.strictObject({
  slug: pageSlugSchema,
  revisionId: revisionIdSchema,
  version: versionSchema,
});

export const createPageSchema = z.strictObject({ slug: pageSlugSchema });

export const pageLabel = (slug: PageSlug) => footerPages.find((p) => p.slug === slug)!.label;
