import type { JSONContent } from "@tiptap/core";
import type { ArticleStatus, CorrectionKind } from "@/lib/generated/prisma/enums";

type ArticlePermissions = {
  canEdit: boolean;
  canSubmit: boolean;
  canPublish: boolean;
  canSchedule: boolean;
  canUnpublish: boolean;
};

/** Everything the editor page needs; the rendered HTML and search vector stay on the server. */
export type ArticleForEdit = {
  id: string;
  publicId: string;
  status: ArticleStatus;
  version: number;
  title: string;
  lede: string;
  body: JSONContent;
  categoryId: number;
  tags: string[];
  coverUrl: string | null;
  coverAlt: string | null;
  coverCaption: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  sourceUrl: string | null;
  sourceTitle: string | null;
  sourceAuthor: string | null;
  sourceSite: string | null;
  sourcePublishedAt: Date | null;
  sourceText: string | null;
  isTranslation: boolean;
  /** a reader's 投稿: the reviewer may also decline it (不予采用) */
  isContribution: boolean;
  /** 关闭评论: set from its own switch (set-comments-closed.ts), never by a save */
  commentsClosed: boolean;
  scheduledAt: Date | null;
  publishedAt: Date | null;
  updatedAt: Date;
  author: { id: string; displayName: string };
  translator: { id: string; displayName: string } | null;
  /** the public correction log, newest first (issue 16) */
  corrections: { id: string; kind: CorrectionKind; note: string; createdAt: Date }[];
  permissions: ArticlePermissions;
};

/** A row in the workspace lists (mine, review queue). */
export type ArticleListItem = {
  id: string;
  publicId: string;
  title: string;
  status: ArticleStatus;
  isTranslation: boolean;
  categoryName: string;
  authorName: string;
  updatedAt: Date;
  publishedAt: Date | null;
  scheduledAt: Date | null;
};

export type Paged<T> = { items: T[]; total: number; page: number; pageCount: number };

export const listItemSelect = {
  id: true,
  publicId: true,
  title: true,
  status: true,
  sourceUrl: true,
  updatedAt: true,
  publishedAt: true,
  scheduledAt: true,
  category: { select: { name: true } },
  author: { select: { profile: { select: { displayName: true } } } },
} as const;

type ListRow = {
  id: string;
  publicId: string;
  title: string;
  status: ArticleStatus;
  sourceUrl: string | null;
  updatedAt: Date;
  publishedAt: Date | null;
  scheduledAt: Date | null;
  category: { name: string };
  author: { profile: { displayName: string } | null };
};

export const toListItem = (r: ListRow): ArticleListItem => ({
  id: r.id,
  publicId: r.publicId,
  title: r.title,
  status: r.status,
  isTranslation: Boolean(r.sourceUrl),
  categoryName: r.category.name,
  authorName: r.author.profile?.displayName ?? "未知作者",
  updatedAt: r.updatedAt,
  publishedAt: r.publishedAt,
  scheduledAt: r.scheduledAt,
});

export const PAGE_SIZE = 20;
export const pageCountOf = (total: number, size = PAGE_SIZE) => Math.max(1, Math.ceil(total / size));
