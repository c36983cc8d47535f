// Shared by the *.int.test.ts files of this folder: a translation with segments, as ingestion leaves it.
import type { JSONContent } from "@tiptap/core";
import { db } from "@/lib/db";
import type { SegmentKind } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createActor, doc } from "@/lib/services/articles/test-helpers";
import { createArticle, createCategory } from "@/lib/test/factories";

export { createActor };

type SegmentSpec = { kind?: SegmentKind; source: string; target?: string; node?: JSONContent };

/** A draft translation owned by a new translator, with the given segments at positions 0..n-1. */
export async function translationWith(specs: SegmentSpec[]) {
  const translator = await createActor("TRANSLATOR");
  const category = await createCategory();
  const article = await createArticle({
    authorId: translator.id,
    translatorId: translator.id,
    categoryId: category.id,
    status: "DRAFT",
    body: doc("旧正文"),
    title: "译稿",
  });
  await db.translationSegment.createMany({
    data: specs.map((s, position) => ({
      articleId: article.id,
      position,
      kind: s.kind ?? "PARAGRAPH",
      sourceText: s.source,
      sourceNode: s.node as Prisma.InputJsonValue | undefined,
      targetText: s.target ?? "",
      status: s.target ? ("DRAFT" as const) : ("UNTRANSLATED" as const),
    })),
  });
  const segments = await segmentsOf(article.id);
  return { translator, article, segments };
}

export const segmentsOf = (articleId: string) =>
  db.translationSegment.findMany({ where: { articleId }, orderBy: { position: "asc" } });
