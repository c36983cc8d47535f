import type { ModerationDecision } from "@/lib/services/moderation/moderate-comments";
import type { ModerationTab } from "@/lib/services/moderation/list-comments-for-moderation";

export type Decision = ModerationDecision;
export const LABEL: Record<Decision, string> = {
  approve: "通过",
  reject: "拒绝",
  spam: "标为垃圾",
  delete: "删除",
};

/** Which decisions make sense on each tab (on 被举报, 通过 keeps the comment and dismisses the reports). */
export const DECISIONS: Record<ModerationTab, Decision[]> = {
  PENDING: ["approve", "reject", "spam", "delete"],
  REPORTED: ["approve", "reject", "spam", "delete"],
  SPAM: ["approve", "reject", "delete"],
  REJECTED: ["approve", "spam", "delete"],
  APPROVED: ["reject", "spam", "delete"],
};
