import crypto from "node:crypto";
import type { Db } from "@/lib/db/client";
import { renderArticle } from "@/lib/content/render";
import { RENDER_VERSION } from "@/lib/content/render-version";
import { indexArticle } from "@/lib/search/index-article";
import { demoArticles } from "../data/articles";
import type { SeedArticle } from "../data/types";
import { coverSvg, publicIdFor } from "../lib/images";
import { toDoc } from "../lib/inline";
import { mapLimit, savePicture } from "../lib/pictures";
import type { SeededUsers } from "./accounts";

export const seedArticleId = (key: string) => `seed-article-${key}`;
const DAY = 86_400_000;
const num = (key: string, salt: string) =>
  crypto
    .createHash("sha1")
    .update(key + salt)
    .digest()
    .readUInt32BE(0);

type Picture = Awaited<ReturnType<typeof savePicture>>;

/** The article's cover and figures, drawn and stored as uploads are. */
async function picturesOf(db: Db, a: SeedArticle): Promise<{ cover: Picture; figures: Picture[] }> {
  const cover = await savePicture(db, coverSvg(`${a.key}:${a.cover.label}`), a.cover.alt);
  const figures: Picture[] = [];
  for (const b of a.blocks) {
    if (b.type === "figure") figures.push(await savePicture(db, coverSvg(`${a.key}:${b.label}`), b.alt));
  }
  return { cover, figures };
}

async function seedOne(
  db: Db,
  a: SeedArticle,
  { cover, figures }: { cover: Picture; figures: Picture[] },
  users: SeededUsers,
  tagIds: Map<string, number>,
  categoryIds: Map<string, number>,
  featured: boolean,
) {
  const id = seedArticleId(a.key);
  const now = Date.now();
  const doc = toDoc(a.blocks, (i) => figures[i - 1]!);
  const rendered = renderArticle(doc);
  const at = new Date(now - a.daysAgo * DAY);
  const isPublished = a.status === "PUBLISHED";
  const authorId = users.get(a.author)!.id;
  const categoryId = categoryIds.get(a.category);
  if (!categoryId) throw new Error(`article ${a.key}: unknown category ${a.category}`);
  // recent articles have fewer views; a deterministic spread keeps re-seeds stable
  const views = isPublished ? 300 + (num(a.key, "v") % 9000) + Math.round(Math.min(a.daysAgo, 30) * 120) : 0;

  await db.$transaction(async (tx) => {
    await tx.article.create({
      data: {
        id,
        publicId: publicIdFor(a.key),
        title: a.title,
        lede: a.lede,
        bodyJson: doc as object,
        bodyHtml: rendered.html,
        renderVersion: RENDER_VERSION,
        bodyText: rendered.text,
        coverUrl: cover.url,
        coverAlt: a.cover.alt,
        coverCaption: a.cover.caption ?? null,
        status: a.status,
        scheduledAt: a.status === "SCHEDULED" ? at : null,
        publishedAt: isPublished ? at : null,
        isFeatured: featured,
        viewCount: views,
        authorId,
        translatorId: a.translator ? users.get(a.translator)!.id : null,
        categoryId,
        sourceUrl: a.source?.url ?? null,
        sourceTitle: a.source?.title ?? null,
        sourceAuthor: a.source?.author ?? null,
        sourceSite: a.source?.site ?? null,
        sourceLanguage: a.source?.language ?? null,
        sourcePublishedAt: a.source ? new Date(a.source.publishedAt) : null,
        createdAt: isPublished ? at : new Date(now - (a.daysAgo + 1) * DAY),
        tags: {
          create: a.tags.map((name) => {
            const tagId = tagIds.get(name);
            if (!tagId) throw new Error(`article ${a.key}: unknown tag ${name}`);
            return { tagId };
          }),
        },
        revisions: {
          create: { version: 1, title: a.title, lede: a.lede, bodyJson: doc as object, editorId: authorId },
        },
      },
    });
    await indexArticle(tx, { id, title: a.title, lede: a.lede, bodyText: rendered.text });
    if (isPublished) {
      // daily views for the last week, so the hot list has something to rank
      const days = Math.min(7, Math.ceil(a.daysAgo));
      const rows = Array.from({ length: days }, (_, d) => ({
        articleId: id,
        day: new Date(new Date(now - d * DAY).toISOString().slice(0, 10)),
        views: 20 + (num(a.key, `d${d}`) % 400),
      }));
      if (rows.length) await tx.articleViewDay.createMany({ data: rows, skipDuplicates: true });
    }
  });
}

export async function seedArticles(db: Db, users: SeededUsers) {
  const all = demoArticles;
  // tags named by articles but missing from tags.ts are created, so content and tag list can't drift apart
  for (const name of new Set(all.flatMap((a) => a.tags))) {
    await db.tag.upsert({
      where: { name },
      update: {},
      create: { name, slug: `t-${publicIdFor(`tag:${name}`, 6)}` },
    });
  }
  const tagIds = new Map(
    (await db.tag.findMany({ select: { id: true, name: true } })).map((t) => [t.name, t.id]),
  );
  const categoryIds = new Map(
    (await db.category.findMany({ select: { id: true, slug: true } })).map((c) => [c.slug, c.id]),
  );
  const existing = new Set(
    (
      await db.article.findMany({
        where: { id: { in: all.map((a) => seedArticleId(a.key)) } },
        select: { id: true },
      })
    ).map((r) => r.id),
  );
  // the three newest originals lead the home page
  const featured = new Set(
    all
      .filter((a) => a.status === "PUBLISHED" && !a.source)
      .sort((x, y) => x.daysAgo - y.daysAgo)
      .slice(0, 3)
      .map((a) => a.key),
  );
  const todo = all.filter((a) => !existing.has(seedArticleId(a.key)));
  // the pictures first, a few at a time: encoding them is most of this step's time
  const pictures = await mapLimit(todo, 4, (a) => picturesOf(db, a));
  for (const [i, a] of todo.entries())
    await seedOne(db, a, pictures[i]!, users, tagIds, categoryIds, featured.has(a.key));
  return { total: all.length, created: todo.length };
}
