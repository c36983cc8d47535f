/** Why a reader reports a comment (CommentReport.reason). "other" needs a detail in the reader's words. */
export const REPORT_REASONS = ["spam", "abuse", "illegal", "off_topic", "other"] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const REPORT_REASON_LABELS: Record<ReportReason, string> = {
  spam: "垃圾广告",
  abuse: "辱骂攻击",
  illegal: "违法违规",
  off_topic: "与文章无关",
  other: "其他",
};

/** The label of a stored reason; a value this version does not know is shown as stored. */
export const reportReasonLabel = (reason: string) => REPORT_REASON_LABELS[reason as ReportReason] ?? reason;
