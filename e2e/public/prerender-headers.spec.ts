import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { isDocumentRequest, parseViewLine } from "../../lib/services/views/view-log.mjs";
import { frontLine } from "../../lib/test/front-view-line";

/**
 * What a browser's prefetch and prerender send, which the view count rests on: the front takes
 * `Sec-Fetch-User: ?1` alone as a navigation the reader made (deploy/nginx.conf `$byline_fetch`),
 * so no speculative request may carry it. Chromium prerenders nothing while DevTools is attached
 * (Playwright drives it so), so this runs it on its own, headless, on a page of speculation rules
 * served here, and reads the requests it makes.
 */

type Seen = { url: string; headers: http.IncomingHttpHeaders };

const RULES = {
  prerender: [{ source: "list", urls: ["/target?by=prerender"] }],
  prefetch: [{ source: "list", urls: ["/target?by=prefetch"] }],
};

test("Chromium's prefetch and prerender carry no Sec-Fetch-User, and count as no view", async () => {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    if (req.url?.startsWith("/target")) seen.push({ url: req.url, headers: req.headers });
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(
      req.url === "/"
        ? `<!doctype html><title>首页</title><script type="speculationrules">${JSON.stringify(RULES)}</script><p>首页`
        : "<!doctype html><title>文章</title><p>文章",
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "byline-prerender-"));
  const browser = spawn(
    process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      `--user-data-dir=${profile}`,
      // the page stays open (in virtual time) while its rules run; no DevTools attached
      "--virtual-time-budget=20000",
      "--dump-dom",
      `http://127.0.0.1:${port}/`,
    ],
    // its own process group: its renderers go with it
    { stdio: "ignore", detached: true },
  );
  try {
    await expect
      .poll(() => seen.map((s) => s.url).sort(), { timeout: 60_000 })
      .toEqual(["/target?by=prefetch", "/target?by=prerender"]);
    for (const { url, headers } of seen) {
      const kind = url.endsWith("prerender") ? "prefetch;prerender" : "prefetch";
      expect(headers["sec-purpose"], url).toBe(kind);
      expect(headers["sec-fetch-dest"], url).toBe("document");
      expect(headers, url).not.toHaveProperty("sec-fetch-user");
      // neither the app's test nor the front's line of it counts a view
      expect(isDocumentRequest(headers), url).toBe(false);
      const line = frontLine({
        $http_sec_fetch_user: "",
        $http_sec_fetch_dest: String(headers["sec-fetch-dest"]),
        $http_sec_purpose: String(headers["sec-purpose"]),
      });
      expect(parseViewLine(line), url).toBeNull();
    }
  } finally {
    if (browser.exitCode === null && browser.pid) {
      const exited = new Promise((resolve) => browser.once("exit", resolve));
      process.kill(-browser.pid, "SIGKILL");
      await exited;
    }
    server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});
