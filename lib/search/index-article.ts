import type { Db } from "@/lib/db/client";
import { segmentForIndex } from "./segment";

type Indexable = { id: string; title: string; lede: string; bodyText: string };

/**
 * Writes the article's search vector: title weighted A, lede B, body C, over jieba-segmented
 * text with the 'simple' configuration (no stemming, which would mangle Chinese words).
 * Call it in the same transaction as the write that changed the text.
 */
export async function indexArticle(db: Pick<Db, "$executeRaw">, a: Indexable) {
  await db.$executeRaw`
    UPDATE articles SET "searchVector" =
      setweight(to_tsvector('simple', ${segmentForIndex(a.title)}), 'A') ||
      setweight(to_tsvector('simple', ${segmentForIndex(a.lede)}), 'B') ||
      setweight(to_tsvector('simple', ${segmentForIndex(a.bodyText)}), 'C')
    WHERE id = ${a.id}`;
}
