import { expect, test } from "@playwright/test";

test.describe("sitemap and robots", () => {
  test("sitemap.xml lists articles, categories, tags and members with absolute URLs", async ({
    page,
    request,
  }) => {
    await page.goto("/");
    const leadHref = await page
      .getByTestId("lead-story")
      .getByRole("heading")
      .getByRole("link")
      .getAttribute("href");
    const res = await request.get("/sitemap.xml");
    expect(res.status()).toBe(200);
    const xml = await res.text();
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    for (const loc of locs) expect(loc).toMatch(/^https?:\/\/[^/]+\//);
    const paths = locs.map((l) => new URL(l).pathname);
    expect(paths).toContain(leadHref);
    expect(paths).toContain("/category/news");
    expect(paths.some((p) => p.startsWith("/tag/"))).toBe(true);
    expect(paths.some((p) => p.startsWith("/member/"))).toBe(true);
    expect(paths.filter((p) => p.startsWith("/posts/")).length).toBeGreaterThanOrEqual(40);
  });

  test("robots.txt points at the sitemap and keeps workspaces out", async ({ request }) => {
    const txt = await (await request.get("/robots.txt")).text();
    expect(txt).toMatch(/Sitemap: https?:\/\/[^/]+\/sitemap\.xml/);
    for (const path of ["/admin", "/editor", "/api/"]) expect(txt).toContain(`Disallow: ${path}`);
  });
});
