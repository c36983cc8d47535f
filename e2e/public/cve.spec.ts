import { expect, test } from "@playwright/test";
import { demoArticles } from "../../prisma/seed/data/articles";
import { publicIdFor } from "../../prisma/seed/lib/images";

// a published demo article whose body mentions a CVE of the fixture feeds (NVD + KEV, issue 16)
const CVE = "CVE-2026-41873";
const seeded = demoArticles.find((a) => a.status === "PUBLISHED" && JSON.stringify(a.blocks).includes(CVE));
if (!seeded) throw new Error(`the demo seed has no published article mentioning ${CVE}`);
const articlePath = `/posts/${publicIdFor(seeded.key)}`;

test.describe("CVE pages", () => {
  test("the article's CVE link leads to the CVE page with its metadata and the article", async ({ page }) => {
    await page.goto(articlePath);
    const article = page.getByTestId("article");
    await expect(article.getByTestId("cve-chips").getByRole("link", { name: new RegExp(CVE) })).toBeVisible();
    await expect(article.getByTestId("cve-chips")).toContainText("KEV");
    await article.locator(`.article-body a[href="/cve/${CVE}"]`).first().click();
    await expect(page).toHaveURL(new RegExp(`/cve/${CVE}$`));
    await expect(page.getByRole("heading", { level: 1, name: CVE })).toBeVisible();
    const facts = page.getByTestId("cve-facts");
    await expect(facts).toContainText("CVSS 4.0");
    await expect(facts).toContainText("9.3");
    await expect(facts).toContainText("严重");
    await expect(facts).toContainText("example networks / securegate vpn");
    await expect(page.getByTestId("cve-kev")).toContainText("列入 CISA 已知被利用漏洞目录");
    await expect(page.getByRole("link", { name: seeded.title })).toBeVisible();
  });

  test("the index lists it (KEV marked) and finds it by id; other spellings redirect, bad ids 404", async ({
    page,
    request,
  }) => {
    await page.goto("/cve");
    const row = page.getByTestId("cve-index").getByRole("listitem").filter({ hasText: CVE });
    await expect(row).toContainText("KEV");
    await page.getByLabel("按漏洞编号搜索").fill(CVE.toLowerCase());
    // the header has the site search's 搜索 button too
    await page.getByRole("region", { name: "漏洞库" }).getByRole("button", { name: "搜索" }).click();
    await expect(page.getByTestId("cve-index").getByRole("listitem")).toHaveCount(1);
    await expect(page.getByTestId("cve-index")).toContainText(CVE);

    const lower = await request.get(`/cve/${CVE.toLowerCase()}`, { maxRedirects: 0 });
    expect([301, 308]).toContain(lower.status());
    expect(lower.headers().location).toMatch(new RegExp(`/cve/${CVE}$`));
    for (const bad of ["/cve/CVE-1998-0001", "/cve/not-a-cve", "/cve/CVE-2026-01", "/cve/CVE-2026-99999"])
      expect((await request.get(bad)).status(), bad).toBe(404);

    const xml = await (await request.get("/sitemap.xml")).text();
    expect(xml).toContain(`/cve/${CVE}</loc>`);
  });

  test("a signed-out reader gets the CVE page from the page cache; pages past the first render per request", async ({
    page,
    playwright,
    baseURL,
  }) => {
    const reader = await playwright.request.newContext({
      baseURL,
      storageState: { cookies: [], origins: [] },
    });
    try {
      // the first page reads no cursor: cached whole (another spec may invalidate it meanwhile)
      await expect
        .poll(async () => (await reader.get(`/cve/${CVE}`)).headers()["x-byline-cache"], { timeout: 30_000 })
        .toBe("HIT");
      // ?before= goes to the `older` route (proxy.ts): its own render, never stored
      const future = `${(Date.now() + 864e8).toString(36)}.zzzz`;
      const older = await reader.get(`/cve/${CVE}?before=${future}`);
      expect(older.status()).toBe(200);
      expect(older.headers()["x-byline-cache"]).toBe("BYPASS");
      expect(await older.text()).toContain(seeded.title);
      expect((await reader.get(`/cve/${CVE}/older?before=${future}`)).status()).toBe(404);
    } finally {
      await reader.dispose();
    }
    await page.goto(`/cve/${CVE}?before=${Date.UTC(2001, 0, 1).toString(36)}.zzzz`);
    await expect(page.getByRole("heading", { level: 1, name: CVE })).toBeVisible();
    await expect(page.getByText("没有更早的文章了。")).toBeVisible();
  });
});
