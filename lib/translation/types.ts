import type { JSONContent } from "@tiptap/core";
import type { SegmentKind, SegmentStatus } from "@/lib/generated/prisma/enums";

/**
 * One unit of the English source, as extraction produces it and SourceSnapshot.segments stores it.
 * `text` is the plain text a translator translates (empty for IMAGE); `node` is the tiptap node
 * carried into the article as it is for CODE, TABLE and IMAGE, and holds a heading's level.
 */
export type SourceSegment = {
  kind: SegmentKind;
  text: string;
  node?: JSONContent;
};

/** Kinds carried over whole: never translated, never counted as untranslated. */
export const CARRIED_KINDS: readonly SegmentKind[] = ["CODE", "TABLE", "IMAGE"];

/** A segment as the bilingual editor and the QA checks see it. */
export type WorkSegment = {
  id: string;
  position: number;
  kind: SegmentKind;
  sourceText: string;
  targetText: string;
  status: SegmentStatus;
  machineFilled: boolean;
  version: number;
};

/** A glossary entry as matching and QA use it (lib/translation/glossary). */
export type GlossaryEntry = {
  id: number;
  source: string;
  target: string;
  variants: string[];
  doNotTranslate: boolean;
  note: string;
};

/**
 * One QA finding. `error` stops publishing; `warning` is shown on submit and while translating.
 * `segmentId` links the finding to its segment (absent for article-wide findings).
 */
export type QaFinding = {
  code: QaCode;
  severity: "error" | "warning";
  segmentId?: string;
  /** zh-CN, shown as it is */
  message: string;
  /** the offending token(s), e.g. the source CVE ID missing from the target */
  source?: string;
  target?: string;
};

export type QaCode =
  | "untranslated"
  | "number"
  | "version"
  | "cve"
  | "cvss"
  | "hash"
  | "ip"
  | "domain"
  | "url"
  | "path"
  | "code"
  | "glossary"
  | "do-not-translate"
  | "brackets"
  | "quotes";
