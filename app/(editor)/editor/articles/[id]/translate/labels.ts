import type { SegmentStatus } from "@/lib/generated/prisma/enums";

export const SEGMENT_STATUS_LABELS: Record<SegmentStatus, string> = {
  UNTRANSLATED: "未翻译",
  DRAFT: "草稿",
  TRANSLATED: "已翻译",
  REVIEWED: "已审校",
};

export const SEGMENT_STATUS_TONES: Record<SegmentStatus, string> = {
  UNTRANSLATED: "bg-slate-100 text-slate-700",
  DRAFT: "bg-amber-100 text-amber-900",
  TRANSLATED: "bg-sky-100 text-sky-900",
  REVIEWED: "bg-emerald-100 text-emerald-900",
};

/** Per-row save state: what the row says beside its status chip. */
export type RowSave =
  | { kind: "idle" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "saved" }
  | { kind: "error"; message: string }
  | { kind: "conflict"; message: string };
