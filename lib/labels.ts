import type {
  ArticleStatus,
  CommentStatus,
  CorrectionKind,
  Role,
  TagKind,
  UserStatus,
} from "@/lib/generated/prisma/enums";

// The zh-CN names of enum values, in one place: services (messages) and pages both import them,
// so this module stays free of React. Typed as Record<Enum, string> so a new enum value without
// a name fails `tsc`; labels.test.ts checks the same at run time against the generated enums.

/** Staff view (工作台, 管理后台). */
export const ARTICLE_STATUS_LABELS: Record<ArticleStatus, string> = {
  DRAFT: "草稿",
  IN_REVIEW: "审核中",
  SCHEDULED: "定时发布",
  PUBLISHED: "已发布",
  ARCHIVED: "已归档",
};

/**
 * A contributor's view of their own submission (我的投稿): a returned piece is a draft again,
 * and "scheduled" means accepted.
 */
export const CONTRIBUTION_STATUS_LABELS: Record<ArticleStatus, string> = {
  DRAFT: "草稿 / 已退回",
  IN_REVIEW: "审核中",
  SCHEDULED: "已采用，定时发布",
  PUBLISHED: "已发表",
  ARCHIVED: "已下线",
};

/** Staff view (评论审核, 站点概览). */
export const COMMENT_STATUS_LABELS: Record<CommentStatus, string> = {
  PENDING: "待审核",
  APPROVED: "已通过",
  REJECTED: "已拒绝",
  SPAM: "垃圾评论",
  DELETED: "已删除",
};

/** A reader's view of their own comments (我的评论): spam is not named as such to its author. */
export const MY_COMMENT_STATUS_LABELS: Record<CommentStatus, string> = {
  PENDING: "待审核",
  APPROVED: "已显示",
  REJECTED: "未通过",
  SPAM: "未通过",
  DELETED: "已删除",
};

export const ROLE_LABELS: Record<Role, string> = {
  READER: "读者",
  CONTRIBUTOR: "投稿人",
  TRANSLATOR: "译者",
  EDITOR: "编辑",
  ADMIN: "管理员",
};

export const USER_STATUS_LABELS: Record<UserStatus, string> = { ACTIVE: "正常", SUSPENDED: "已停用" };

/** The kinds of a correction-log entry, as readers see them (article, feed, JSON-LD, /corrections). */
export const CORRECTION_KIND_LABELS: Record<CorrectionKind, string> = {
  CORRECTION: "更正",
  UPDATE: "更新",
  SOURCE_UPDATE: "原文更新",
};

/** What a tag names: a topic (专题) or a threat entity (its page, aliases and IOCs; issue 16). */
export const TAG_KIND_LABELS: Record<TagKind, string> = {
  TOPIC: "专题",
  ACTOR: "威胁组织",
  MALWARE: "恶意软件",
  VENDOR: "厂商",
  PRODUCT: "产品",
};
