/** zh-CN names of the CVSS qualitative ratings (the feed's and the library's upper-case words). */
export const severityLabel: Record<string, string> = {
  CRITICAL: "严重",
  HIGH: "高危",
  MEDIUM: "中危",
  LOW: "低危",
  NONE: "无",
};

/** Badge colours per rating: text stays ≥ 4.5:1 on its background. */
export const severityClass: Record<string, string> = {
  CRITICAL: "bg-red-100 text-red-800",
  HIGH: "bg-orange-100 text-orange-800",
  MEDIUM: "bg-amber-100 text-amber-900",
  LOW: "bg-slate-100 text-slate-800",
  NONE: "bg-slate-100 text-slate-800",
};
