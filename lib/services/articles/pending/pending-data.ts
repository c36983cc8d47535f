import type { JSONContent } from "@tiptap/core";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The editable content of an article as one value: what a pending edit of a live article stores
 * (ArticlePendingEdit.data) and what a save merges its changes into. title, lede and body are
 * always whole; `tags` only when the edit changed them; `fields` holds only the other columns
 * the edit changed (cover, SEO, source…), so applying it never touches a column nobody edited.
 */
export type EditableContent = {
  title: string;
  lede: string;
  body: JSONContent;
  tags?: string[];
  fields: Record<string, unknown>;
};

// the columns a pending edit may carry besides title, lede, body and tags (see schemas.ts)
const PENDING_FIELDS = new Set([
  "categoryId",
  "coverUrl",
  "coverAlt",
  "coverCaption",
  "seoTitle",
  "seoDescription",
  "sourceUrl",
  "sourceTitle",
  "sourceAuthor",
  "sourceSite",
  "sourcePublishedAt",
  "sourceText",
  "sourceLanguage",
  "translatorId",
]);
const DATE_FIELDS = new Set(["sourcePublishedAt"]);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Reads a stored pending edit defensively: unknown keys are dropped, a malformed row is null. */
export function readPending(data: unknown): EditableContent | null {
  if (!isRecord(data)) return null;
  const { title, lede, body, tags, fields } = data;
  if (typeof title !== "string" || typeof lede !== "string" || !isRecord(body)) return null;
  const kept: Record<string, unknown> = {};
  if (isRecord(fields))
    for (const [k, v] of Object.entries(fields)) if (PENDING_FIELDS.has(k) && v !== undefined) kept[k] = v;
  return {
    title,
    lede,
    body: body as JSONContent,
    tags: Array.isArray(tags) ? tags.filter((t): t is string => typeof t === "string") : undefined,
    fields: kept,
  };
}

/** JSON for ArticlePendingEdit.data (dates become ISO strings; reviveFields turns them back). */
export const pendingJson = (c: EditableContent) =>
  JSON.parse(JSON.stringify({ ...c, fields: onlyPendingFields(c.fields) })) as Prisma.InputJsonValue;

function onlyPendingFields(fields: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(fields).filter(([k, v]) => PENDING_FIELDS.has(k) && v !== undefined),
  );
}

/** The fields as Article columns: stored date strings back to Date. */
export function reviveFields(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    out[k] = DATE_FIELDS.has(k) && typeof v === "string" ? new Date(v) : v;
  }
  return out;
}
