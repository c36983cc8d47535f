import type { JSONContent } from "@tiptap/core";
import { formatDate } from "@/lib/format/beijing-time";
import type { ArticleForEdit } from "@/lib/services/articles/article-dto";

/** The editable fields as the form holds them: strings ("" = empty), tags as names. */
export type DraftFields = {
  title: string;
  lede: string;
  categoryId: number;
  tags: string[];
  coverUrl: string;
  coverAlt: string;
  coverCaption: string;
  seoTitle: string;
  seoDescription: string;
  sourceUrl: string;
  sourceTitle: string;
  sourceAuthor: string;
  sourceSite: string;
  /** YYYY-MM-DD */
  sourcePublishedAt: string;
  sourceText: string;
};

/** What was last saved (or is being compared): fields plus the body as JSON text. */
export type Snapshot = { fields: DraftFields; body: string };

export function fieldsOf(a: ArticleForEdit): DraftFields {
  return {
    title: a.title,
    lede: a.lede,
    categoryId: a.categoryId,
    tags: a.tags,
    coverUrl: a.coverUrl ?? "",
    coverAlt: a.coverAlt ?? "",
    coverCaption: a.coverCaption ?? "",
    seoTitle: a.seoTitle ?? "",
    seoDescription: a.seoDescription ?? "",
    sourceUrl: a.sourceUrl ?? "",
    sourceTitle: a.sourceTitle ?? "",
    sourceAuthor: a.sourceAuthor ?? "",
    sourceSite: a.sourceSite ?? "",
    sourcePublishedAt: a.sourcePublishedAt ? formatDate(a.sourcePublishedAt) : "",
    sourceText: a.sourceText ?? "",
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Only what changed since the last save goes to the server: small autosaves, and a field the
 * user did not touch can never overwrite someone else's change to it.
 */
export function changesBetween(saved: Snapshot, current: Snapshot): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(current.fields) as (keyof DraftFields)[]) {
    if (!same(saved.fields[k], current.fields[k])) out[k] = current.fields[k];
  }
  if (saved.body !== current.body) out.body = JSON.parse(current.body) as JSONContent;
  return Object.keys(out).length ? out : null;
}

export const sameSnapshot = (a: Snapshot, b: Snapshot) => a.body === b.body && same(a.fields, b.fields);

/** Whether restoring `backup` would change anything: any field it changed still differs on the server. */
export function backupDiffers(backup: Snapshot & { changed: string[] }, server: Snapshot): boolean {
  return backup.changed.some((k) =>
    k === "body"
      ? backup.body !== server.body
      : !same(backup.fields[k as keyof DraftFields], server.fields[k as keyof DraftFields]),
  );
}
