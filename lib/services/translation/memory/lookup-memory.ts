import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import { MEMORY_MIN_SCORE, MEMORY_TEXT_MAX } from "@/lib/translation/memory/limits";
import { normalizeSource } from "@/lib/translation/memory/normalize";
import { fuzzyScore, type DiffPart } from "@/lib/translation/memory/score";
import { findCandidates } from "./candidates";
import { isSafeText, UNSAFE_TEXT_MESSAGE } from "@/lib/validation";

export const lookupMemorySchema = z.strictObject({
  text: z
    .string({ error: "请提供要查询的原文。" })
    .refine(isSafeText, UNSAFE_TEXT_MESSAGE)
    .refine(
      (s) => s.length <= MEMORY_TEXT_MAX,
      `原文段落过长（超过 ${MEMORY_TEXT_MAX.toLocaleString("en-US")} 个字符），翻译记忆无法查询。请先拆分该段落。`,
    ),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});

export type MemoryMatch = {
  id: string;
  sourceText: string;
  targetText: string;
  /** integer percent, 60..100; 100 only for the same normalised source */
  score: number;
  /** the stored source's words, marked where they differ from the segment looked up */
  diff: DiffPart[];
};

/**
 * 翻译记忆: stored translations of sources like the segment being translated, best first (then
 * newest). The trigram index only finds candidates (./candidates.ts); the percentage shown is a
 * word-level edit distance (lib/translation/memory/score.ts), which is what a translator means
 * by "80 % the same".
 */
export async function lookupMemory(actor: Actor | null, input: unknown): Promise<MemoryMatch[]> {
  assertCan(actor, "translation.tools");
  const parsed = lookupMemorySchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError("INVALID", issue.message, {
      fieldErrors: { [issue.path.join(".") || "_"]: [issue.message] },
    });
  }
  const { text, limit } = parsed.data;
  const norm = normalizeSource(text);
  if (!norm) return [];
  const candidates = await findCandidates(text, Math.max(limit * 6, 30));
  const ranked = candidates
    .map((c) => {
      const isExact = c.sourceNorm === norm;
      const { score, diff } = isExact
        ? { score: 100, diff: [{ text: c.sourceText, changed: false }] }
        : fuzzyScore(text, c.sourceText);
      const match = { id: c.id, sourceText: c.sourceText, targetText: c.targetText, score, diff };
      return { match, at: c.updatedAt.getTime() };
    })
    .filter((m) => m.match.score >= MEMORY_MIN_SCORE)
    .sort((a, b) => b.match.score - a.match.score || b.at - a.at);
  return ranked.slice(0, limit).map((m) => m.match);
}
