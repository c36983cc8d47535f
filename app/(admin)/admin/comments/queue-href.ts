import type { ModerationQuery, ModerationTab } from "@/lib/services/moderation/list-comments-for-moderation";

/** The queue's URL for a tab and page, keeping the article / author / text filters. */
export function queueHref(query: Omit<ModerationQuery, "status" | "page">, status: ModerationTab, page = 1) {
  const s = new URLSearchParams();
  if (status !== "PENDING") s.set("status", status);
  if (query.article) s.set("article", query.article);
  if (query.user) s.set("user", query.user);
  if (query.q) s.set("q", query.q);
  if (page > 1) s.set("page", String(page));
  return s.size ? `/admin/comments?${s}` : "/admin/comments";
}
