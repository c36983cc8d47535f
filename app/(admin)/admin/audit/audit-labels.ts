/** zh-CN names of known audit actions; unknown keys are shown raw, so a new action is never hidden. */
export const ACTION_LABELS: Record<string, string> = {
  "auth.login": "登录",
  "site.export": "导出站点",
  "site.import": "导入站点",
  "account.register": "注册账号",
  "user.changeRole": "修改角色",
  "user.suspend": "停用账号",
  "user.reactivate": "恢复账号",
  "user.forceSignOut": "强制下线",
  "user.promoteContributor": "升为投稿人",
  "contribution.submit": "提交投稿",
  "article.create": "新建文章",
  "article.editAny": "编辑他人文章",
  "article.submitForReview": "提交审核",
  "article.publish": "发布文章",
  "article.publishScheduled": "定时发布生效",
  "article.schedule": "定时发布",
  "article.unpublish": "撤回文章",
  "article.archive": "归档文章",
  "article.delete": "删除文章",
  "article.restore": "从回收站恢复文章",
  "article.restoreRevision": "恢复历史版本",
  "article.applyPendingEdit": "更新已发布文章",
  "article.correction": "记录更正与更新",
  "comment.approve": "通过评论",
  "comment.reject": "拒绝评论",
  "comment.delete": "删除评论",
  "comment.spam": "标为垃圾评论",
  "comment.ban": "禁言",
  "comment.liftBan": "解除禁言",
  "comments.settings": "修改评论规则",
  "article.comments": "开关文章评论",
  "category.create": "新建分类",
  "category.update": "修改分类",
  "category.move": "调整分类顺序",
  "category.delete": "删除分类",
  "tag.rename": "重命名标签",
  "tag.changeSlug": "修改标签 URL 标识",
  "tag.entity": "修改标签类型与别名",
  "tag.merge": "合并标签",
  "tag.delete": "删除标签",
  "settings.update": "修改站点设置",
  "navigation.update": "修改导航菜单",
  "navigation.reset": "恢复默认导航",
  "account.exportData": "导出自己的数据",
  "user.exportData": "导出用户数据",
  "audit.export": "导出审计日志",
  "page.create": "创建页面",
  "page.update": "修改页面",
  "page.restore": "恢复页面版本",
};

export const actionLabel = (key: string) => ACTION_LABELS[key] ?? key;

/** Where a target lives in the staff UI, when it has a page. */
export function targetHref(type: string | null, id: string | null): string | null {
  if (!type) return null;
  if (type === "user" && id) return `/admin/users/${encodeURIComponent(id)}`;
  if (type === "article" && id) return `/editor/articles/${encodeURIComponent(id)}`;
  if (type === "comment") return "/admin/comments";
  if (type === "category") return "/admin/categories";
  if (type === "tag") return "/admin/tags";
  if (type === "settings") return "/admin/settings";
  if (type === "page" && id) return `/admin/pages/${encodeURIComponent(id)}`;
  if (type === "commentRules") return "/admin/comments/rules";
  if (type === "navigation") return "/admin/navigation";
  return null;
}

const TARGET_LABELS: Record<string, string> = {
  user: "用户",
  article: "文章",
  comment: "评论",
  category: "分类",
  tag: "标签",
  settings: "站点设置",
  page: "页面",
  commentRules: "评论规则",
  navigation: "导航菜单",
  audit: "审计日志",
};
export const targetLabel = (type: string | null) => (type ? (TARGET_LABELS[type] ?? type) : "—");

/** "READER → EDITOR" and the rest of the meta as short key: value text (always rendered as text). */
export function metaSummary(meta: unknown): string {
  if (!meta || typeof meta !== "object" || Array.isArray(meta))
    return meta == null ? "" : JSON.stringify(meta).slice(0, 500);
  const { from, to, ...rest } = meta as Record<string, unknown>;
  const parts: string[] = [];
  if (from !== undefined || to !== undefined)
    parts.push(`${JSON.stringify(from ?? null)} → ${JSON.stringify(to ?? null)}`);
  for (const [k, v] of Object.entries(rest))
    if (v !== null && v !== undefined) parts.push(`${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`);
  return parts.join("；").slice(0, 500);
}
