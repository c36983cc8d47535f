import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createArticle, createCategory } from "@/lib/test/factories";
import { getPublicArticle } from "./get-public-article";
import { getRelatedArticles } from "./get-related-articles";
import { listCategoryArticles } from "./list-category-articles";

/** A content-addressed key of the kind storeFiles writes. */
const key = (ext: string) => {
  const sha = crypto.randomBytes(32).toString("hex");
  return `${sha.slice(0, 2)}/${sha}.${ext}`;
};

describe("cover renditions", () => {
  let category: Awaited<ReturnType<typeof createCategory>>;
  const covers: Record<string, string> = {};
  const urls = { orphan: "", external: "https://img.example.com/cover.jpg" };
  const r480 = key("webp");
  const r960 = key("webp");

  beforeAll(async () => {
    category = await createCategory();
    const original = key("jpg");
    await db.media.create({
      data: {
        storageKey: original,
        sha256: original.slice(3, 67),
        mime: "image/jpeg",
        size: 1000,
        width: 1600,
        height: 900,
        // listed widest first, with a non-WebP entry: the srcset is the WebP ones, narrowest first
        variants: [
          { width: 960, height: 540, mime: "image/webp", storageKey: r960, size: 500 },
          { width: 800, height: 450, mime: "image/jpeg", storageKey: key("jpg"), size: 700 },
          { width: 480, height: 270, mime: "image/webp", storageKey: r480, size: 200 },
        ],
      },
    });
    const orphan = key("webp"); // a /media/ URL with no row (an older seed's, a deleted upload)
    urls.orphan = `/media/${orphan}`;
    for (const [name, url] of [
      ["upload", `/media/${original}`],
      ["orphan", urls.orphan],
      ["external", urls.external],
      ["none", null],
    ] as const) {
      const a = await createArticle({ categoryId: category.id });
      await db.article.update({ where: { id: a.id }, data: { coverUrl: url } });
      covers[name] = a.publicId;
    }
  });

  it("a list card and the article page carry an upload's WebP renditions; other covers none", async () => {
    const cards = (await listCategoryArticles(category, null, 10)).items;
    const card = (name: string) => cards.find((c) => c.publicId === covers[name]);
    const expected = `/media/${r480} 480w, /media/${r960} 960w`;
    expect(card("upload")?.coverSrcset).toBe(expected);
    for (const name of ["orphan", "external", "none"]) expect(card(name)?.coverSrcset).toBe("");

    expect((await getPublicArticle(covers.upload!))?.coverSrcset).toBe(expected);
    for (const name of ["orphan", "external", "none"])
      expect((await getPublicArticle(covers[name]!))?.coverSrcset).toBe("");
  });

  it("a thumbnail, in lists and in 你可能感兴趣的, is the narrowest rendition, else the cover itself", async () => {
    const cards = (await listCategoryArticles(category, null, 10)).items;
    // the four share a category, so each is related to the others
    const none = (await getPublicArticle(covers.none!))!;
    const related = await getRelatedArticles({ articleId: none.id, categoryId: category.id, tagIds: [] });
    for (const list of [cards, related]) {
      const thumb = (name: string) => list.find((c) => c.publicId === covers[name])?.coverThumb;
      expect(thumb("upload")).toBe(`/media/${r480}`);
      expect(thumb("orphan")).toBe(urls.orphan);
      expect(thumb("external")).toBe(urls.external);
    }
    expect(cards.find((c) => c.publicId === covers.none)?.coverThumb).toBeNull();
  });
});
