import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { authStatePath } from "../auth-state";
import { withDb } from "../db";
import { createSpecArticle } from "./comments-db";
import { loadedCover } from "./helpers";
import { draft, translation } from "./seeded-articles";

test.use({ storageState: { cookies: [], origins: [] } });

test.describe("article page", () => {
  test("a translation shows title, lede, body, contents and the attribution", async ({ page }) => {
    const a = translation();
    const res = await page.goto(a.path);
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(a.title);
    await expect(page.getByText(`导语：${a.lede}`)).toBeVisible();

    const article = page.getByTestId("article");
    // the seeded translation has a paragraph and an h2: the test fails if that ever changes
    const firstPara = a.blocks.find((b) => b.type === "p");
    if (firstPara?.type !== "p") throw new Error("the seeded translation has no paragraph");
    await expect(article).toContainText(
      firstPara.text.replace(/\*\*|\*|`|\[([^\]]+)\]\([^)]+\)/g, "$1").slice(0, 12),
    );

    // the contents box lists the body's real headings and its links land on them
    const toc = page.getByRole("navigation", { name: "目录" });
    const firstHeading = a.blocks.find((b) => b.type === "h2");
    if (firstHeading?.type !== "h2") throw new Error("the seeded translation has no h2");
    await expect(toc).toBeVisible();
    await expect(toc.getByRole("link", { name: firstHeading.text })).toHaveAttribute("href", "#h-1");
    await expect(page.locator("#h-1")).toHaveText(firstHeading.text);

    const credit = page.getByRole("region", { name: "译文声明" });
    await expect(credit).toContainText(a.source!.title);
    await expect(credit).toContainText(a.source!.author);
    await expect(credit).toContainText(a.source!.site);
    await expect(credit.getByRole("link", { name: a.source!.url })).toHaveAttribute("href", a.source!.url);
    await expect(credit).toContainText("转载");
    await expect(page.getByText(/^译者：/).first()).toBeVisible();

    // metadata for crawlers and share cards
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`${a.path}$`));
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
    const ld = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').first().textContent()) ?? "{}",
    );
    expect(ld).toMatchObject({
      "@type": "NewsArticle",
      headline: a.title,
      isBasedOn: { url: a.source!.url },
    });
  });

  test("a draft URL and an unknown id answer 404", async ({ page }) => {
    expect((await page.goto(draft().path))?.status()).toBe(404);
    expect((await page.goto("/posts/zzzzzzzz"))?.status()).toBe(404);
  });

  test("at 375 px nothing overflows sideways (screenshot attached)", async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(translation().path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await testInfo.attach("article-375px", {
      body: await page.screenshot({ fullPage: true }),
      contentType: "image/png",
    });
  });

  test("on a phone the body waits below the first screen until it nears it; on a wide screen it is drawn at once", async ({
    page,
  }) => {
    // rendered: not inside content the browser is skipping (content-visibility: auto)
    const rendered = (el: Element) => el.checkVisibility({ contentVisibilityAuto: true });
    const firstBlock = page.locator(".article-body > *").first();

    await page.setViewportSize({ width: 375, height: 240 });
    await page.goto(translation().path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(firstBlock).toBeAttached();
    // the premise: the body starts well past this screen and the browser's margin around it
    // (about half a screen), else this test would be about the seed, not the page
    expect((await firstBlock.boundingBox())?.y).toBeGreaterThan(480);
    expect(await firstBlock.evaluate(rendered)).toBe(false);
    // the text is there all along (find-in-page, screen readers): only its layout waited
    await expect(firstBlock).not.toHaveText("");
    await firstBlock.scrollIntoViewIfNeeded();
    await expect.poll(() => firstBlock.evaluate(rendered), { timeout: 10_000 }).toBe(true);

    await page.setViewportSize({ width: 1280, height: 1600 });
    await page.goto(translation().path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect.poll(() => firstBlock.evaluate(rendered), { timeout: 10_000 }).toBe(true);
  });

  test("the cover loads the WebP rendition that fills the column: 480 px on a phone, 960 on a wide screen", async ({
    page,
  }) => {
    const cover = page.getByTestId("article").locator("figure img").first();
    for (const [width, expected] of [
      [375, 480],
      [1280, 960],
    ] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(translation().path);
      const { chosen, offered } = await loadedCover(cover);
      expect(Object.values(offered)).toEqual([480, 960, 1200]);
      expect(offered[chosen]).toBe(expected);
    }
  });

  test("has no serious or critical axe violations", async ({ page }) => {
    await page.goto(translation().path);
    await expect(page.getByTestId("bookmark-button")).not.toHaveAttribute("data-state", "loading");
    const { violations } = await new AxeBuilder({ page }).analyze();
    const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });

  test("ships no editor code to readers", async ({ page, request }) => {
    await page.goto(translation().path);
    const srcs = await page
      .locator("script[src]")
      .evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).src));
    expect(srcs.length).toBeGreaterThan(0);
    for (const src of srcs) {
      const js = await (await request.get(src)).text();
      expect(js, src).not.toMatch(/tiptap|prosemirror/i);
    }
  });

  test("the page request is the view: counted once per reader, never a crawler, no beacon", async ({
    browser,
    request,
  }) => {
    const a = translation();
    const views = () =>
      withDb(async (c) => {
        const { rows } = await c.query<{ viewCount: number }>(
          `SELECT "viewCount" FROM articles WHERE "publicId" = $1`,
          [a.publicId],
        );
        return rows[0]!.viewCount;
      });
    // from the page cache (a crawler's request: not counted), as readers get it
    await expect
      .poll(
        async () =>
          (await request.get(a.path, { headers: { "user-agent": "Googlebot/2.1" } })).headers()[
            "x-byline-cache"
          ],
        { timeout: 20_000 },
      )
      .toBe("HIT");
    const before = await views();
    // user agents of their own: other tests (and reruns) share this machine's IP, and a cookieless
    // reader is keyed by IP and user agent
    const stamp = `e2e/${Date.now()}`;
    const chrome = `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 ${stamp}`;
    const open = async (userAgent: string, times = 1) => {
      const context = await browser.newContext({ userAgent });
      const page = await context.newPage();
      const beacons: string[] = [];
      page.on("request", (r) => {
        if (r.url().includes("/api/views/")) beacons.push(r.url());
      });
      for (let i = 0; i < times; i++) {
        const res = await page.goto(a.path);
        expect(res?.status()).toBe(200);
        // the page says its request was the view (view-count.tsx reads this and sends no beacon)
        expect(res?.headers()["server-timing"]).toBe("bl-view");
        await expect(page.getByTestId("view-count")).toBeVisible();
      }
      await context.close();
      return beacons;
    };
    // a reader twice within 30 minutes, a crawler, then another reader: the counter reads the
    // server's log in order, so once the last reader is counted the lines before it are too
    expect(await open(`${chrome} reader-1`, 2)).toEqual([]);
    expect(
      await open(`Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html) ${stamp}`),
    ).toEqual([]);
    expect(await open(`${chrome} reader-2`)).toEqual([]);
    await expect.poll(views, { timeout: 20_000 }).toBe(before + 2);
  });

  test("a page the browser prefetched counts when the reader opens it, with the beacon", async ({
    browser,
  }) => {
    const a = await createSpecArticle();
    const views = () =>
      withDb(async (c) => {
        const { rows } = await c.query<{ viewCount: number }>(
          `SELECT "viewCount" FROM articles WHERE id = $1`,
          [a.id],
        );
        return rows[0]!.viewCount;
      });
    // the speculation rules another page would have: injected, so this page's CSP is set aside for
    // the test. (A prerender cannot be tested so: Chromium prerenders nothing while DevTools, which
    // Playwright drives it with, is attached; page-request-view.test.ts covers its activation,
    // prerender-headers.spec.ts its request's headers, from a Chromium run without DevTools.)
    const context = await browser.newContext({
      bypassCSP: true,
      userAgent: `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36 reader-${a.publicId}`,
    });
    try {
      const page = await context.newPage();
      await page.goto("/");
      const cdp = await context.newCDPSession(page);
      const ready = new Promise<void>((resolve, reject) =>
        cdp.on("Preload.prefetchStatusUpdated", (e: { status: string; prefetchStatus?: string }) => {
          if (e.status === "Ready") resolve();
          if (e.status === "Failure") reject(new Error(`the prefetch failed: ${e.prefetchStatus}`));
        }),
      );
      await cdp.send("Preload.enable");
      // the requests as Chromium sends them (its own headers are only in the extra info)
      const urls = new Map<string, string>();
      const sent = new Map<string, Record<string, string>>();
      cdp.on("Network.requestWillBeSent", (e: { requestId: string; request: { url: string } }) =>
        urls.set(e.requestId, e.request.url),
      );
      cdp.on(
        "Network.requestWillBeSentExtraInfo",
        (e: { requestId: string; headers: Record<string, string> }) =>
          sent.set(
            e.requestId,
            Object.fromEntries(Object.entries(e.headers).map(([k, v]) => [k.toLowerCase(), v])),
          ),
      );
      await cdp.send("Network.enable");
      const requestsFor = (path: string) =>
        [...urls].filter(([, u]) => new URL(u).pathname === path).map(([id]) => sent.get(id));
      await page.evaluate((path) => {
        const rules = document.createElement("script");
        rules.type = "speculationrules";
        rules.textContent = JSON.stringify({ prefetch: [{ source: "list", urls: [path] }] });
        document.head.append(rules);
        const link = document.createElement("a");
        link.href = path;
        link.id = "prefetched";
        link.textContent = "预取的文章";
        document.body.prepend(link);
      }, a.path);
      await ready;
      // the prefetch says so, and carries no Sec-Fetch-User: no reader asked for it, so the
      // front, which takes `?1` alone as the reader's navigation, does not count it
      await expect.poll(() => requestsFor(a.path).filter(Boolean).length, { timeout: 10_000 }).toBe(1);
      const prefetch = requestsFor(a.path).filter(Boolean)[0]!;
      expect(prefetch["sec-purpose"]).toBe("prefetch");
      expect(prefetch["sec-fetch-dest"]).toBe("document");
      expect(prefetch).not.toHaveProperty("sec-fetch-user");
      const beacon = page.waitForRequest(
        (r) => r.url().endsWith(`/api/views/${a.publicId}`) && r.method() === "POST",
      );
      await page.locator("#prefetched").click();
      await expect(page).toHaveURL(new RegExp(`${a.path}$`));
      await expect(page.getByTestId("view-count")).toBeVisible();
      // the page shown is the prefetched answer, whose request (Sec-Purpose: prefetch) was no view
      expect(
        await page.evaluate(
          () => (performance.getEntriesByType("navigation")[0] as { deliveryType?: string }).deliveryType,
        ),
      ).toBe("navigational-prefetch");
      // the view is the beacon's: the prefetch's request counted nothing, and the click sent no
      // request of its own (its navigation has no headers sent: the prefetched answer served it)
      expect(requestsFor(a.path).filter(Boolean)).toHaveLength(1);
      await beacon;
      await expect.poll(views, { timeout: 20_000 }).toBe(1);
    } finally {
      await context.close();
    }
  });

  test("a signed-in reader's page reports the view with the beacon, which counts it once", async ({
    browser,
  }) => {
    const context = await browser.newContext({ storageState: authStatePath("READER") });
    const page = await context.newPage();
    const a = translation();
    const beacon = page.waitForResponse(
      (r) => r.url().endsWith(`/api/views/${a.publicId}`) && r.request().method() === "POST",
    );
    const res = await page.goto(a.path);
    // rendered for this reader, not from the page cache: not logged, so no Server-Timing
    expect(res?.headers()["server-timing"]).toBeUndefined();
    const first = (await (await beacon).json()) as { counted: boolean; views: number };
    await expect(page.getByTestId("view-count")).toHaveText(first.views.toLocaleString("zh-CN"));
    // same reader within 30 minutes: not again
    const origin = new URL(page.url()).origin;
    const again = await page.request.post(`/api/views/${a.publicId}`, { headers: { origin } });
    expect((await again.json()).counted).toBe(false);
    await context.close();
  });

  test("shares with a WeChat QR code from our own server", async ({ page, request }) => {
    const a = translation();
    await page.goto(a.path);
    await page.getByRole("button", { name: "微信" }).click();
    const img = page.getByRole("img", { name: /二维码/ });
    await expect(img).toBeVisible();
    const src = await img.getAttribute("src");
    expect(src).toBe(`/posts/${a.publicId}/qr.svg`);
    const svg = await request.get(src!);
    expect(svg.headers()["content-type"]).toContain("image/svg+xml");
    await expect(page.getByTestId("article").getByRole("link", { name: /微博/ })).toHaveAttribute(
      "href",
      /service\.weibo\.com\/share/,
    );
  });
});
