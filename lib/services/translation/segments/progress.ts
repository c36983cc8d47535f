import type { SegmentStatus } from "@/lib/generated/prisma/enums";
import { CARRIED_KINDS, type WorkSegment } from "@/lib/translation/types";

/** What counts as translated for progress (the editor's bar and the task lists alike). */
export const isTranslated = (status: SegmentStatus) => status === "TRANSLATED" || status === "REVIEWED";

export type SegmentProgress = {
  /** text segments: what a translator translates (code, tables and images are carried) */
  total: number;
  /** TRANSLATED or REVIEWED: "34/52 已翻译" */
  translated: number;
  reviewed: number;
  draft: number;
  untranslated: number;
  /** machine pre-fill not yet edited or confirmed by a person */
  machineFilled: number;
  carried: number;
};

/** Counts for the progress bar. Pure, so the browser recomputes it after every save. */
export function progressOf(segments: readonly Pick<WorkSegment, "kind" | "status" | "machineFilled">[]) {
  const p: SegmentProgress = {
    total: 0,
    translated: 0,
    reviewed: 0,
    draft: 0,
    untranslated: 0,
    machineFilled: 0,
    carried: 0,
  };
  for (const s of segments) {
    if (CARRIED_KINDS.includes(s.kind)) {
      p.carried++;
      continue;
    }
    p.total++;
    if (s.machineFilled) p.machineFilled++;
    if (isTranslated(s.status)) p.translated++;
    if (s.status === "REVIEWED") p.reviewed++;
    else if (s.status === "DRAFT") p.draft++;
    else if (s.status === "UNTRANSLATED") p.untranslated++;
  }
  return p;
}
