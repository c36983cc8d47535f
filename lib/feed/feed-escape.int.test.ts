import Parser from "rss-parser";
import { describe, expect, it } from "vitest";
import { GET as siteFeed } from "@/app/(public)/feed/route";
import { GET as categoryFeed } from "@/app/(public)/category/[slug]/feed/route";
import { GET as memberFeed } from "@/app/(public)/member/[publicId]/feed/route";
import { createArticle, createCategory, createUser, paragraphs, uid } from "@/lib/test/factories";
import { db } from "@/lib/db";
import { assertWellFormedXml } from "./xml-well-formed";
import { elementsOf, textOf } from "./html-check";

/**
 * Issue 8 finding 2: an article whose every text field carries markup, CDATA terminators and
 * script-closing sequences, read back through every feed route by a real parser. Plain-text fields
 * must arrive as that text; HTML fields (description) must contain no element at all, only the
 * text; the body keeps its own sanitised markup and nothing executable.
 */
const IMG = "<img src=x onerror=alert(1)>";
const id = uid(4);
const title = `标题${IMG} ]]> ]]><evil/> </script><!-- & &amp; ${id}`;
const lede = `导语${IMG} ]]> ]]><x/> </script><script>alert(2)</script> & &lt; \u2028 \u000b 结束`;
const authorName = `${IMG}&`;
const translatorName = "]]></script><!--&amp;";
const categoryName = `${IMG}${id}`;
const bio = `简介${IMG} ]]> ]]><b>x</b> </script> &`;
const bodyText = `正文 ${IMG} ]]> ]]> </script> &`;

const parser = new Parser({ customFields: { item: ["content:encoded", "dc:creator"] } });

async function seed() {
  const category = await createCategory({ name: categoryName });
  const author = await createUser({ role: "EDITOR", displayName: authorName });
  await db.profile.update({ where: { userId: author.id }, data: { bio } });
  const translator = await createUser({ role: "TRANSLATOR", displayName: translatorName });
  // published a second ago: the newest in the database, so the site feed's 20 items include
  // them whatever other test files made
  const article = await createArticle({
    categoryId: category.id,
    authorId: author.id,
    translatorId: translator.id,
    title,
    lede,
    body: paragraphs(bodyText),
    publishedAt: new Date(Date.now() - 1_000),
  });
  // and the lede-or-title fallback of content:encoded
  const bare = await createArticle({
    categoryId: category.id,
    authorId: author.id,
    title: `${title}2`,
    lede: "",
    body: { type: "doc", content: [] },
  });
  await db.article.update({
    where: { id: bare.id },
    data: { bodyHtml: "", publishedAt: new Date(Date.now() - 2_000) },
  });
  return { category, author, article };
}

async function parseFeed(res: Response) {
  expect(res.status).toBe(200);
  const xml = await res.text();
  expect(assertWellFormedXml(xml)).toBeGreaterThan(10);
  return parser.parseString(xml);
}

describe("every feed carries hostile text as text", () => {
  it("site, category and member feeds", async () => {
    const { category, author, article } = await seed();
    const publicId = author.profile!.publicId;
    const feeds = {
      site: await parseFeed(await siteFeed()),
      category: await parseFeed(
        await categoryFeed(new Request("http://x"), { params: Promise.resolve({ slug: category.slug }) }),
      ),
      member: await parseFeed(
        await memberFeed(new Request("http://x"), { params: Promise.resolve({ publicId }) }),
      ),
    };
    for (const [name, feed] of Object.entries(feeds)) {
      const item = feed.items.find((i) => i.link?.endsWith(`/posts/${article.publicId}`));
      expect(item, name).toBeDefined();
      expect(item!.title).toBe(title.replace("\u000b", ""));
      // description is HTML to every reader: the lede must be its text, with no element in it
      expect(elementsOf(item!.content!), name).toEqual([]);
      expect(textOf(item!.content!)).toBe(lede.replace("\u000b", ""));
      const body = item!["content:encoded"] as string;
      expect(elementsOf(body)).toEqual(["p"]);
      expect(textOf(body)).toBe(bodyText);
      expect(item!["dc:creator"]).toBe(`${authorName}、${translatorName}（译）`);
      expect(item!.categories).toEqual([categoryName]);
      const bare = feed.items.find((i) => i.title === `${title}2`.replace("\u000b", ""));
      expect(bare, name).toBeDefined();
      expect(elementsOf(bare!["content:encoded"] as string)).toEqual(["p"]);
      expect(textOf(bare!["content:encoded"] as string)).toBe(`${title}2`);
    }
    expect(feeds.category.title).toBe(`署名 Byline · ${categoryName}`);
    expect(feeds.member.title).toBe(`${authorName} · 署名 Byline`);
    // a channel description is HTML to many readers, like an item's
    expect(elementsOf(feeds.member.description!)).toEqual([]);
    expect(textOf(feeds.member.description!)).toBe(bio);
  });
});
