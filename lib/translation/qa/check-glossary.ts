import type { TermMatcher } from "@/lib/translation/glossary/match";
import type { QaFinding } from "@/lib/translation/types";

// A term inside a URL or inline code is part of a literal the target carries as it is.
const LITERAL = /`[^`\n]*`|\b(?:https?|hxxps?|ftp):\/\/[^\s\u0080-\uFFFF]+/gi;

/**
 * Terms of the source segment whose approved translation the target lacks, and "do not translate"
 * names the target does not keep as written. One finding per entry and segment.
 */
export function checkGlossary(
  segmentId: string,
  sourceText: string,
  targetText: string,
  matcher: TermMatcher,
): QaFinding[] {
  const findings: QaFinding[] = [];
  // "Web 应用防火墙" and "Web应用防火墙" are the same term: spacing between scripts varies by translator
  const squeezed = targetText.replace(/\s+/g, "");
  const seen = new Set<number>();
  const literals = [...sourceText.matchAll(LITERAL)].map((m) => [m.index, m.index + m[0].length]);
  for (const hit of matcher.find(sourceText)) {
    const { entry } = hit;
    if (literals.some(([from, to]) => hit.start >= from! && hit.end <= to!)) continue;
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    if (entry.doNotTranslate) {
      const kept = [entry.source, hit.matched, ...entry.variants].some((f) => f && targetText.includes(f));
      if (!kept) {
        findings.push({
          code: "do-not-translate",
          severity: "warning",
          segmentId,
          source: entry.source,
          message: `“${entry.source}”不翻译，请在译文中保留原文写法“${entry.source}”。`,
        });
      }
    } else if (entry.target && !squeezed.includes(entry.target.replace(/\s+/g, ""))) {
      findings.push({
        code: "glossary",
        severity: "warning",
        segmentId,
        source: entry.source,
        target: entry.target,
        message: `术语“${entry.source}”应译为“${entry.target}”。`,
      });
    }
  }
  return findings;
}
