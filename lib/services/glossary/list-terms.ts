import "server-only";
import type { GlossaryEntry } from "@/lib/translation/types";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import { escapeLike } from "@/lib/db/like";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isSafeText } from "@/lib/validation";
import { GLOSSARY_PAGE_SIZE } from "./schemas";

// Query-string input: anything malformed falls back to "no filter" instead of an error page.
const inputSchema = z.object({
  q: z.string().trim().max(200).refine(isSafeText).catch("").default(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  doNotTranslate: z
    .union([z.boolean(), z.string()])
    .optional()
    .transform((v) => v === true || v === "1" || v === "true")
    .catch(false),
});

export type GlossaryTermRow = GlossaryEntry & {
  updatedAt: Date;
  updatedByName: string | null;
};

export type GlossaryTermList = {
  items: GlossaryTermRow[];
  total: number;
  page: number;
  pageCount: number;
  filters: { q: string; doNotTranslate: boolean };
};

/**
 * 术语库 list: search in the English term, its variants and the translation (case-insensitive),
 * optionally only "do not translate" entries, alphabetical, 50 a page. Everyone who translates
 * may read it; changing it is glossary.manage.
 */
export async function listTerms(
  actor: Actor | null,
  input: Record<string, unknown> = {},
): Promise<GlossaryTermList> {
  assertCan(actor, "translation.tools");
  const { q, page, doNotTranslate } = inputSchema.parse(input);
  const like = escapeLike(q);
  const where: Prisma.GlossaryTermWhereInput = {
    ...(doNotTranslate ? { doNotTranslate: true } : {}),
    ...(q
      ? {
          OR: [
            { source: { contains: like, mode: "insensitive" } },
            { target: { contains: like, mode: "insensitive" } },
            // variants are matched whole, as typed or in lower case
            { variants: { hasSome: [q, q.toLowerCase()] } },
          ],
        }
      : {}),
  };
  const [total, rows] = await Promise.all([
    db.glossaryTerm.count({ where }),
    db.glossaryTerm.findMany({
      where,
      orderBy: [{ sourceNorm: "asc" }, { id: "asc" }],
      skip: (page - 1) * GLOSSARY_PAGE_SIZE,
      take: GLOSSARY_PAGE_SIZE,
      select: {
        id: true,
        source: true,
        target: true,
        variants: true,
        doNotTranslate: true,
        note: true,
        updatedAt: true,
        updatedBy: { select: { profile: { select: { displayName: true } } } },
      },
    }),
  ]);
  return {
    items: rows.map(({ updatedBy, ...t }) => ({
      ...t,
      updatedByName: updatedBy?.profile?.displayName ?? null,
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / GLOSSARY_PAGE_SIZE)),
    filters: { q, doNotTranslate },
  };
}
