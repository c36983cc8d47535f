import crypto from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { hostileRoute } from "./hostile";

/**
 * A local web server of English security articles written for Byline (pages/*.html) and hostile
 * routes (hostile.ts), for the ingestion, source-update and e2e tests. Every page is served with
 * an ETag and Last-Modified and answers a matching conditional request with 304; setPage changes
 * a page (and so its ETag) the way a source site edits an article.
 */

export type SourceFixtures = {
  /** http://127.0.0.1:<port> */
  base: string;
  /** the URL of a page (`ransomware-advisory`) or a hostile route (`huge`, `redirect-6`, …) */
  url(name: string): string;
  setPage(name: string, html: string): void;
  /** every request's path, in arrival order */
  requests: string[];
  close(): Promise<void>;
};

const PAGES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "pages");

/** The article pages (without hostile ones such as broken and empty). */
export const FIXTURE_ARTICLES = [
  "ransomware-advisory",
  "poc-writeup",
  "malware-analysis",
  "patch-tuesday",
  "paywall",
] as const;

function loadPages(): Map<string, { html: string; modified: Date }> {
  const pages = new Map<string, { html: string; modified: Date }>();
  const modified = new Date("2026-11-20T08:00:00Z");
  for (const file of readdirSync(PAGES_DIR)) {
    if (file.endsWith(".html"))
      pages.set(file.slice(0, -5), { html: readFileSync(path.join(PAGES_DIR, file), "utf8"), modified });
  }
  return pages;
}

const etagOf = (html: string) => `"${crypto.createHash("sha256").update(html).digest("hex").slice(0, 16)}"`;

function servePage(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  page: { html: string; modified: Date },
) {
  const etag = etagOf(page.html);
  const lastModified = page.modified.toUTCString();
  const since = req.headers["if-modified-since"];
  const notModified =
    req.headers["if-none-match"] !== undefined
      ? req.headers["if-none-match"] === etag
      : since !== undefined && Date.parse(since) >= Math.floor(page.modified.getTime() / 1000) * 1000;
  if (notModified) {
    res.writeHead(304, { etag, "last-modified": lastModified }).end();
    return;
  }
  res
    .writeHead(200, { "content-type": "text/html; charset=utf-8", etag, "last-modified": lastModified })
    .end(page.html);
}

/** `port` 0 (default) picks a free one; Playwright's globalSetup passes a fixed port. */
export async function startSourceFixtures(opts: { port?: number } = {}): Promise<SourceFixtures> {
  const pages = loadPages();
  const requests: string[] = [];
  const sockets = new Set<import("node:net").Socket>();
  const server = http.createServer((req, res) => {
    const name = (req.url ?? "/").split("?")[0]!.replace(/^\/+/, "");
    requests.push(`/${name}`);
    const page = pages.get(name);
    if (page) return servePage(req, res, page);
    if (hostileRoute(name, req, res)) return;
    res.writeHead(404, { "content-type": "text/html; charset=utf-8" }).end("<h1>Not found</h1>");
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    url: (name) => `${base}/${name}`,
    setPage: (name, html) => pages.set(name, { html, modified: new Date() }),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        // the endless route keeps its socket open forever: close() must not wait for it
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
