import { z } from "zod";
import { bool, date, id, int, json, link, optDate, optText, text } from "./fields";

/**
 * One strict schema per exported table: the columns an archive carries. Left out on purpose:
 * password hashes, TOTP secrets, session versions, reset tokens, recovery codes (never exported);
 * comment IPs, user agents and moderation notes (personal or staff-only); the search vector
 * (rebuilt on import).
 */

const role = z.enum(["READER", "CONTRIBUTOR", "TRANSLATOR", "EDITOR", "ADMIN"]);
const articleStatus = z.enum(["DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED", "ARCHIVED"]);

export const userRow = z.strictObject({
  id,
  email: text(254),
  role,
  status: z.enum(["ACTIVE", "SUSPENDED"]),
  statusReason: optText(500),
  lastLoginAt: optDate,
  createdAt: date,
  updatedAt: date,
});

export const profileRow = z.strictObject({
  userId: id,
  publicId: text(16),
  displayName: text(32),
  bio: optText(500),
  avatarUrl: link(2048).nullable(),
  createdAt: date,
  updatedAt: date,
});

export const categoryRow = z.strictObject({
  id: int,
  slug: text(64),
  name: text(32),
  description: optText(200),
  position: int,
  createdAt: date,
  updatedAt: date,
});

export const tagRow = z.strictObject({
  id: int,
  slug: text(64),
  name: text(32),
  kind: z.enum(["TOPIC", "ACTOR", "MALWARE", "VENDOR", "PRODUCT"]),
  description: optText(500),
  createdAt: date,
});

/** A threat entity's other names (issue 16); the key is the normalised name (lib/services/tags/alias-key.ts). */
export const tagAliasRow = z.strictObject({ key: text(64), name: text(64), tagId: int });

export const mediaRow = z.strictObject({
  id,
  uploaderId: id.nullable(),
  storageKey: text(300),
  mime: text(100),
  size: int,
  width: int.nullable(),
  height: int.nullable(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  alt: optText(200),
  decorative: bool,
  animated: bool,
  variants: json,
  filename: optText(255),
  createdAt: date,
});

export const articleRow = z.strictObject({
  id,
  publicId: text(16),
  title: text(200),
  lede: text(500),
  bodyJson: json,
  bodyHtml: text(),
  bodyText: text(),
  coverUrl: link(2048).nullable(),
  coverAlt: optText(200),
  coverCaption: optText(200),
  status: articleStatus,
  scheduledAt: optDate,
  publishedAt: optDate,
  isFeatured: bool,
  viewCount: int,
  commentCount: int,
  commentsClosed: bool,
  version: int,
  seoTitle: optText(200),
  seoDescription: optText(300),
  sourceUrl: link(2048).nullable(),
  sourceTitle: optText(300),
  sourceAuthor: optText(200),
  sourceSite: optText(100),
  sourceLanguage: optText(16),
  sourcePublishedAt: optDate,
  sourceText: optText(),
  sourceSnapshotId: id.nullable(),
  sourceChangedAt: optDate,
  sourceCheckedAt: optDate,
  assignedById: id.nullable(),
  translationDueAt: optDate,
  isContribution: bool,
  deletedAt: optDate,
  deletedById: id.nullable(),
  missedScheduleAt: optDate,
  renderVersion: int,
  authorId: id,
  translatorId: id.nullable(),
  categoryId: int,
  createdAt: date,
  updatedAt: date,
});

export const articleTagRow = z.strictObject({ articleId: id, tagId: int });

export const articleViewDayRow = z.strictObject({ articleId: id, day: date, views: int });

export const articleRevisionRow = z.strictObject({
  id,
  articleId: id,
  version: int,
  title: text(200),
  lede: text(500),
  bodyJson: json,
  editorId: id,
  kind: z.enum(["MANUAL", "AUTOSAVE", "STATUS", "RESTORE", "PENDING_APPLIED"]),
  status: articleStatus.nullable(),
  createdAt: date,
});

export const sourceSnapshotRow = z.strictObject({
  id,
  articleId: id,
  origin: z.enum(["FETCHED", "PASTED"]),
  url: optText(2048),
  finalUrl: optText(2048),
  title: text(300),
  author: optText(200),
  siteName: optText(100),
  publishedAt: optDate,
  leadImageUrl: optText(2048),
  segments: json,
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  etag: optText(512),
  lastModified: optText(100),
  fetchedAt: date,
});

export const translationSegmentRow = z.strictObject({
  id,
  articleId: id,
  position: int,
  kind: z.enum(["HEADING", "PARAGRAPH", "LIST_ITEM", "QUOTE", "CODE", "TABLE", "IMAGE"]),
  sourceText: text(),
  sourceNode: json.nullable(),
  targetText: text(),
  status: z.enum(["UNTRANSLATED", "DRAFT", "TRANSLATED", "REVIEWED"]),
  machineFilled: bool,
  version: int,
  updatedById: id.nullable(),
  updatedAt: date,
});

export const commentRow = z.strictObject({
  id,
  articleId: id,
  authorId: id,
  parentId: id.nullable(),
  body: text(2000),
  status: z.enum(["PENDING", "APPROVED", "REJECTED", "SPAM", "DELETED"]),
  moderatedById: id.nullable(),
  moderatedAt: optDate,
  editedAt: optDate,
  createdAt: date,
  updatedAt: date,
});

export const pageRow = z.strictObject({
  id: int,
  slug: text(64),
  title: text(100),
  body: text(),
  bodyHtml: text(),
  version: int,
  updatedAt: date,
});

export const pageRevisionRow = z.strictObject({
  id,
  pageId: int,
  title: text(100),
  body: text(),
  bodyHtml: text(),
  editorId: id.nullable(),
  createdAt: date,
});

export const redirectRow = z.strictObject({ fromPath: text(300), toPath: text(300), createdAt: date });

export const siteSettingRow = z.strictObject({ key: text(64), value: json, updatedAt: date });

export const glossaryTermRow = z.strictObject({
  id: int,
  source: text(200),
  sourceNorm: text(200),
  target: text(200),
  variants: z.array(text(200)).max(100),
  doNotTranslate: bool,
  note: text(500),
  updatedById: id.nullable(),
  createdAt: date,
  updatedAt: date,
});

export const translationMemoryRow = z.strictObject({
  id,
  sourceText: text(),
  targetText: text(),
  sourceNorm: text(),
  pairHash: z.string().regex(/^[0-9a-f]{64}$/),
  articleId: id.nullable(),
  createdAt: date,
  updatedAt: date,
});

const cvssScore = z
  .string()
  .regex(/^\d{1,2}(\.\d)?$/, "CVSS 评分格式不对")
  .nullable();

export const cveRow = z.strictObject({
  id: z.string().regex(/^CVE-\d{4}-\d{4,7}$/, "CVE 编号格式不对"),
  description: optText(),
  cvssVersion: optText(8),
  cvssVector: optText(200),
  cvssScore,
  severity: optText(16),
  affected: json,
  nvdPublishedAt: optDate,
  nvdModifiedAt: optDate,
  kevAddedAt: optDate,
  kevDueDate: optDate,
  kevRansomware: bool.nullable(),
  importedAt: optDate,
  createdAt: date,
  updatedAt: date,
});

export const articleCveRow = z.strictObject({ articleId: id, cveId: cveRow.shape.id });

/** The public correction log (issue 16): shown on articles, in feeds and on /corrections. */
export const articleCorrectionRow = z.strictObject({
  id,
  articleId: id,
  kind: z.enum(["CORRECTION", "UPDATE", "SOURCE_UPDATE"]),
  note: text(500),
  editorId: id.nullable(),
  createdAt: date,
});
