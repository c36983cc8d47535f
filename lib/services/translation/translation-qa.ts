import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getGlossaryEntries } from "@/lib/services/glossary/get-glossary-entries";
import { workSegmentSelect } from "@/lib/services/translation/segments/shared";
import { createTermMatcher } from "@/lib/translation/glossary/match";
import { checkTranslation, qaWarnings, type QaStage } from "@/lib/translation/qa";
import type { QaFinding } from "@/lib/translation/types";

type Reader = Pick<Prisma.TransactionClient, "translationSegment">;

/** How many findings an error message names before "等": the page lists them all. */
const NAMED = 3;

/**
 * The QA checks of a translation's segments at a workflow stage (lib/translation/qa). An
 * article without segments (an original, or a translation made the old way) has no findings.
 */
async function runTranslationQa(
  articleId: string,
  stage: QaStage,
  client: Reader = db,
): Promise<{ findings: QaFinding[]; positions: Map<string, number> }> {
  const segments = await client.translationSegment.findMany({
    where: { articleId },
    orderBy: { position: "asc" },
    select: workSegmentSelect,
  });
  if (!segments.length) return { findings: [], positions: new Map() };
  const matcher = createTermMatcher(await getGlossaryEntries());
  const findings = checkTranslation(segments, { matcher, stage });
  return { findings, positions: new Map(segments.map((s, i) => [s.id, i + 1])) };
}

/**
 * The workflow gate: errors (a mistyped CVE ID or hash, an untranslated paragraph at publish…)
 * stop the step with a message naming the first few by segment; warnings are returned for the
 * caller to show. What is stopped writes nothing.
 */
export async function assertTranslationQa(
  articleId: string,
  stage: Exclude<QaStage, "translate">,
  client?: Reader,
): Promise<{ warnings: number }> {
  const { findings, positions } = await runTranslationQa(articleId, stage, client);
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length) {
    const named = errors
      .slice(0, NAMED)
      .map((f) => (f.segmentId ? `第 ${positions.get(f.segmentId)} 段：${f.message}` : f.message))
      .join("；");
    const more = errors.length > NAMED ? ` 等 ${errors.length} 个问题` : "";
    const step = stage === "publish" ? "发布" : "提交审核";
    throw new AppError(
      "INVALID",
      `译文质量检查未通过，修正后才能${step}：${named}${more}。请在“双语翻译”页的质量检查中逐条查看。`,
    );
  }
  return { warnings: qaWarnings(findings).length };
}
