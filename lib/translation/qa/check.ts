import type { TermMatcher } from "@/lib/translation/glossary/match";
import { CARRIED_KINDS, type QaCode, type QaFinding, type WorkSegment } from "@/lib/translation/types";
import { checkBrackets } from "./brackets";
import { checkGlossary } from "./check-glossary";
import { checkTokens } from "./check-tokens";

export type QaStage = "translate" | "submit" | "publish";
type QaContext = { matcher?: TermMatcher; stage: QaStage };
type QaSegment = Pick<WorkSegment, "id" | "kind" | "sourceText" | "targetText" | "status" | "machineFilled">;

const bySeverity = (a: QaFinding, b: QaFinding) =>
  (a.severity === "error" ? 0 : 1) - (b.severity === "error" ? 0 : 1);

/** Findings for one segment, errors first. Carried segments (code, tables, images) are not checked. */
export function checkSegment(seg: QaSegment, ctx: QaContext): QaFinding[] {
  if (CARRIED_KINDS.includes(seg.kind)) return [];
  const target = seg.targetText.trim();
  const findings: QaFinding[] = [];
  if (!target || seg.status === "UNTRANSLATED") {
    findings.push({
      code: "untranslated",
      severity: ctx.stage === "publish" ? "error" : "warning",
      segmentId: seg.id,
      message: target ? "该段尚未确认译完，请确认后再继续。" : "该段还没有译文。",
    });
    // an empty target would also miss every number and term: one finding says it all
    if (!target) return findings;
  }
  if (seg.machineFilled) {
    findings.push({
      code: "untranslated",
      severity: "warning",
      segmentId: seg.id,
      message: "该段是机器预填的译文，尚未经人工修改或确认。",
    });
  }
  findings.push(...checkTokens(seg.id, seg.sourceText, target));
  if (ctx.matcher) findings.push(...checkGlossary(seg.id, seg.sourceText, target, ctx.matcher));
  findings.push(...checkBrackets(seg.id, seg.sourceText, target));
  return findings.sort(bySeverity);
}

/** Findings for a whole translation, in segment order, errors first within a segment. */
export function checkTranslation(segments: WorkSegment[], ctx: QaContext): QaFinding[] {
  return [...segments].sort((a, b) => a.position - b.position).flatMap((s) => checkSegment(s, ctx));
}

type QaSummary = {
  errors: number;
  warnings: number;
  /** segments with at least one finding */
  segments: number;
  byCode: Partial<Record<QaCode, number>>;
};

export function summarize(findings: QaFinding[]): QaSummary {
  const byCode: Partial<Record<QaCode, number>> = {};
  for (const f of findings) byCode[f.code] = (byCode[f.code] ?? 0) + 1;
  return {
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
    segments: new Set(findings.map((f) => f.segmentId).filter(Boolean)).size,
    byCode,
  };
}

export const qaBlocksPublish = (findings: QaFinding[]) => findings.some((f) => f.severity === "error");
export const qaWarnings = (findings: QaFinding[]) => findings.filter((f) => f.severity === "warning");
