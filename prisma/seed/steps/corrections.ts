import type { Db } from "@/lib/db/client";
import { corrections } from "../data/corrections";
import { seedArticleId } from "./articles";
import type { SeededUsers } from "./accounts";

const HOUR = 3_600_000;
const correctionId = (key: string) => `seed-correction-${key}`;

/** The demo correction log: a few dated notes on published articles, filed by the duty editor. */
export async function seedCorrections(db: Db, users: SeededUsers) {
  const existing = new Set(
    (
      await db.articleCorrection.findMany({
        where: { id: { in: corrections.map((c) => correctionId(c.key)) } },
        select: { id: true },
      })
    ).map((c) => c.id),
  );
  const published = new Map(
    (
      await db.article.findMany({
        where: { id: { in: corrections.map((c) => seedArticleId(c.article)) }, status: "PUBLISHED" },
        select: { id: true, publishedAt: true },
      })
    ).map((a) => [a.id, a.publishedAt]),
  );
  let created = 0;
  for (const c of corrections) {
    if (existing.has(correctionId(c.key))) continue;
    const articleId = seedArticleId(c.article);
    const publishedAt = published.get(articleId);
    if (!publishedAt)
      throw new Error(`correction ${c.key}: article ${c.article} is not seeded or not published`);
    const createdAt = new Date(Math.min(publishedAt.getTime() + c.hoursAfter * HOUR, Date.now() - 60_000));
    await db.articleCorrection.create({
      data: {
        id: correctionId(c.key),
        articleId,
        kind: c.kind,
        note: c.note,
        editorId: users.get("editor-chen")!.id,
        createdAt,
      },
    });
    created++;
  }
  return { total: corrections.length, created };
}
