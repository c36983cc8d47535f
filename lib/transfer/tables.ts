import type { z } from "zod";
import * as rows from "./rows";

/**
 * The exported tables, in the order an import inserts them (every foreign key points at a table
 * earlier in the list; articles.sourceSnapshotId, the one cycle, is set after source_snapshots).
 */
export type TableSpec = {
  /** file name under data/ and the key in manifest counts */
  name: string;
  /** the Prisma delegate */
  model: string;
  schema: z.ZodObject;
  /** primary key columns, for stable order and cursor paging */
  pk: string[];
  /** columns that hold a User id (remapped when an archive user matches an existing account by email) */
  userFks?: string[];
  /** HTML columns that must already be sanitiser output */
  html?: string[];
  /** nullable jsonb columns (a JSON null is stored as SQL NULL) */
  nullableJson?: string[];
  /** rows a public page can show; everything when absent */
  where?: Record<string, unknown>;
};

export const TABLES: TableSpec[] = [
  { name: "users", model: "user", schema: rows.userRow, pk: ["id"] },
  { name: "profiles", model: "profile", schema: rows.profileRow, pk: ["userId"], userFks: ["userId"] },
  { name: "categories", model: "category", schema: rows.categoryRow, pk: ["id"] },
  { name: "tags", model: "tag", schema: rows.tagRow, pk: ["id"] },
  { name: "tag_aliases", model: "tagAlias", schema: rows.tagAliasRow, pk: ["key"] },
  { name: "media", model: "media", schema: rows.mediaRow, pk: ["id"], userFks: ["uploaderId"] },
  {
    name: "articles",
    model: "article",
    schema: rows.articleRow,
    pk: ["id"],
    userFks: ["authorId", "translatorId", "assignedById", "deletedById"],
    html: ["bodyHtml"],
  },
  { name: "source_snapshots", model: "sourceSnapshot", schema: rows.sourceSnapshotRow, pk: ["id"] },
  { name: "article_tags", model: "articleTag", schema: rows.articleTagRow, pk: ["articleId", "tagId"] },
  {
    name: "article_view_days",
    model: "articleViewDay",
    schema: rows.articleViewDayRow,
    pk: ["articleId", "day"],
  },
  {
    name: "article_revisions",
    model: "articleRevision",
    schema: rows.articleRevisionRow,
    pk: ["id"],
    userFks: ["editorId"],
  },
  {
    name: "translation_segments",
    model: "translationSegment",
    schema: rows.translationSegmentRow,
    pk: ["id"],
    userFks: ["updatedById"],
    nullableJson: ["sourceNode"],
  },
  {
    name: "comments",
    model: "comment",
    schema: rows.commentRow,
    pk: ["id"],
    userFks: ["authorId", "moderatedById"],
    // what readers see, and the parents of approved replies (a thread needs its first comment)
    where: { OR: [{ status: "APPROVED" }, { replies: { some: { status: "APPROVED" } } }] },
  },
  { name: "pages", model: "page", schema: rows.pageRow, pk: ["id"], html: ["bodyHtml"] },
  {
    name: "page_revisions",
    model: "pageRevision",
    schema: rows.pageRevisionRow,
    pk: ["id"],
    userFks: ["editorId"],
    html: ["bodyHtml"],
  },
  // CVE metadata and mentions: the CVE pages and the chips under articles show them (issue 16)
  { name: "cves", model: "cve", schema: rows.cveRow, pk: ["id"] },
  { name: "article_cves", model: "articleCve", schema: rows.articleCveRow, pk: ["articleId", "cveId"] },
  {
    name: "article_corrections",
    model: "articleCorrection",
    schema: rows.articleCorrectionRow,
    pk: ["id"],
    userFks: ["editorId"],
  },
  { name: "redirects", model: "redirect", schema: rows.redirectRow, pk: ["fromPath"] },
  { name: "site_settings", model: "siteSetting", schema: rows.siteSettingRow, pk: ["key"] },
  {
    name: "glossary_terms",
    model: "glossaryTerm",
    schema: rows.glossaryTermRow,
    pk: ["id"],
    userFks: ["updatedById"],
  },
  { name: "translation_memory", model: "translationMemory", schema: rows.translationMemoryRow, pk: ["id"] },
];
