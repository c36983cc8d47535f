import { parseDocument } from "htmlparser2";
import { resolveRouteData } from "next/dist/build/webpack/loaders/metadata/resolve-route-data";
import { afterEach, describe, expect, it } from "vitest";
import sitemap from "@/app/sitemap";
import { db } from "@/lib/db";
import { absoluteUrl } from "@/lib/site-url";
import { createArticle, createTag, uid } from "@/lib/test/factories";
import { assertWellFormedXml } from "./xml-well-formed";

/**
 * /sitemap.xml as Next.js serialises it (resolveRouteData, the function its route loader calls),
 * read back by a strict XML parser: every <loc> is exactly the URL meant, whatever the slugs and
 * the configured origin contain.
 */
const locsOf = (xml: string) => {
  const locs: string[] = [];
  const walk = (nodes: ReturnType<typeof parseDocument>["children"]) => {
    for (const n of nodes) {
      if (n.type === "tag" && n.name === "loc")
        locs.push(n.children.map((c) => ("data" in c ? c.data : "")).join(""));
      if ("children" in n) walk(n.children);
    }
  };
  walk(parseDocument(xml, { xmlMode: true }).children);
  return locs;
};

const siteUrlBefore = process.env.SITE_URL;
afterEach(() => {
  if (siteUrlBefore === undefined) delete process.env.SITE_URL;
  else process.env.SITE_URL = siteUrlBefore;
});

describe("sitemap.xml escaping", () => {
  it("stays well-formed with hostile slugs and an origin containing & and <", async () => {
    const tag = await createTag();
    const slug = `x&<>"'${uid(4)}]]>`;
    await db.tag.update({ where: { id: tag.id }, data: { slug } });
    await createArticle({ tagIds: [tag.id] });

    process.env.SITE_URL = "http://h.test/x?a=1&b=<2>";
    const xml = resolveRouteData(await sitemap(), "sitemap");
    expect(assertWellFormedXml(xml)).toBeGreaterThan(3);
    const locs = locsOf(xml);
    expect(locs.length).toBeGreaterThan(3);
    for (const l of locs) expect(l.startsWith("http://h.test/x?a=1&b=<2>/")).toBe(true);
    expect(locs).toContain(absoluteUrl(`/tag/${encodeURIComponent(slug)}`));
  });
});
