/**
 * The shipped front logs every request for an article page in the view log (deploy/nginx.conf,
 * the byline_article format, its access line for them), and the app's counter reads as views
 * those of a reader's browser opening the page (lib/services/views/view-log.mjs parseViewLine), and
 * tells the app it did (X-Byline-View-Logged). What must not read as a view: signed-in readers,
 * router and prefetch requests, frames and fetches, other pages, failures, HEAD and POST.
 * The upstream is a plain HTTP server: what is tested is the real deploy/nginx.conf.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseViewLine } from "../../lib/services/views/view-log.mjs";
import { startFront } from "./nginx-front.mjs";

type Front = Awaited<ReturnType<typeof startFront>>;
let upstream: http.Server;
let front: Front;
let dir: string;
const toldLogged: string[] = [];

const UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "byline-front-views-"));
  upstream = http.createServer((req, res) => {
    req.resume();
    if (req.headers["x-byline-view-logged"] !== undefined) toldLogged.push(req.url ?? "");
    const found = req.url?.startsWith("/posts/") && !req.url.includes("missing");
    res.writeHead(found ? 200 : 404, {
      "content-type": "text/html; charset=utf-8",
      // a page the app would let the front store (its page cache's answer)
      "x-byline-cache": found ? "MISS" : "BYPASS",
      "cache-control": "public, s-maxage=60",
    });
    res.end("<!doctype html><title>t</title>");
  });
  await new Promise<void>((r) => upstream.listen(0, "127.0.0.1", () => r()));
  const port = (upstream.address() as AddressInfo).port;
  front = await startFront({ upstream: `127.0.0.1:${port}`, viewLog: path.join(dir, "front.log") });
}, 30_000);

afterAll(async () => {
  await front?.stop();
  upstream?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function get(p: string, headers: Record<string, string> = {}, method = "GET") {
  const res = await fetch(front.url + p, { method, headers: { "user-agent": UA, ...headers } });
  await res.arrayBuffer();
  return res.status;
}

/** The log's lines once nginx has written its buffer (flush=1s). */
async function lines(count: number) {
  const file = path.join(dir, "front.log");
  let text = "";
  await expect
    .poll(
      () => {
        text = fs.existsSync(file) ? fs.readFileSync(file, "latin1") : "";
        return text.split("\n").filter(Boolean).length;
      },
      { timeout: 10_000 },
    )
    .toBeGreaterThanOrEqual(count);
  return text.split("\n").filter(Boolean);
}

describe("the front's view log", () => {
  it("logs a reader's article page, whether from its cache or the app, and only that", async () => {
    const at = Date.now();
    // counted: a browser's document request, twice (the second from the front's cache), with a query
    expect(
      await get("/posts/abc123", { "sec-fetch-dest": "document", cookie: "bl_vid=AAAAAAAAAAAAAAAAAAAAAA" }),
    ).toBe(200);
    expect(await get("/posts/abc123?from=wechat", { "sec-fetch-dest": "document" })).toBe(200);
    // counted: the reader's click, as Chrome sends it (Sec-Fetch-User: ?1 tells it alone)
    const click = { "sec-fetch-mode": "navigate", "sec-fetch-user": "?1", "sec-fetch-dest": "document" };
    expect(await get("/posts/abc123", { ...click, cookie: "bl_vid=BBBBBBBBBBBBBBBBBBBBBB" })).toBe(200);
    // counted too, what ?1 alone decides (deploy/nginx.conf $byline_fetch): a frame a page added
    // within seconds of its reader's click, and a purpose beside ?1 (which no browser sends)
    const frameAfterClick = { ...click, "sec-fetch-dest": "iframe", cookie: "bl_vid=CCCCCCCCCCCCCCCCCCCCCC" };
    expect(await get("/posts/abc123", frameAfterClick)).toBe(200);
    const purposeAndClick = { ...click, "sec-purpose": "prefetch", cookie: "bl_vid=DDDDDDDDDDDDDDDDDDDDDD" };
    expect(await get("/posts/abc123", purposeAndClick)).toBe(200);
    // not counted
    // Next.js' router after the reader's click, and a frame with a Sec-Fetch-User not ?1
    expect(await get("/posts/abc123", { ...click, rsc: "1", "sec-fetch-dest": "empty" })).toBe(200);
    expect(await get("/posts/abc123", { "sec-fetch-user": "?0", "sec-fetch-dest": "iframe" })).toBe(200);
    expect(await get("/posts/abc123", { cookie: "authjs.session-token=x" })).toBe(200);
    expect(await get("/posts/abc123", { rsc: "1" })).toBe(200);
    // Next.js' router sends RSC with each of its requests (node_modules/next/dist/client/components)
    expect(await get("/posts/abc123", { rsc: "1", "next-router-prefetch": "1" })).toBe(200);
    expect(
      await get("/posts/abc123", {
        rsc: "1",
        "next-router-prefetch": "1",
        "next-router-segment-prefetch": "/_tree",
      }),
    ).toBe(200);
    expect(await get("/posts/abc123", { "sec-fetch-dest": "iframe" })).toBe(200);
    expect(await get("/posts/abc123", { "sec-purpose": "prefetch;prerender" })).toBe(200);
    // a speculation rule's prefetch and a link prefetch, as Chromium 156 sends them
    expect(await get("/posts/abc123", { "sec-fetch-dest": "document", "sec-purpose": "prefetch" })).toBe(200);
    expect(await get("/posts/abc123", { "sec-fetch-dest": "empty", "sec-purpose": "prefetch" })).toBe(200);
    expect(await get("/posts/abc123", { "sec-fetch-dest": "empty" })).toBe(200);
    // the legacy Purpose of Chromium's older prefetch and prerender
    expect(await get("/posts/abc123", { purpose: "prefetch" })).toBe(200);
    // a value with spaces (made by hand) moves the later fields of its own line only
    expect(await get("/posts/abc123", { rsc: "a b c" })).toBe(200);
    expect(await get("/posts/abc123", {}, "HEAD")).toBe(200);
    expect(await get("/posts/abc123", {}, "POST")).toBe(200);
    expect(await get("/posts/missing1")).toBe(404);
    expect(await get("/tag/abc123")).toBe(404);
    // logged, not counted: the counter reads article pages' paths only; an encoded line break
    // and spaces stay encoded ($request_uri), so this is one line that is no view, not a forged
    // view of abc123 on a line of its own
    expect(await get("/posts/abc123/older")).toBe(200);
    expect(await get("/posts/x%0A1764684000.000%20/posts/abc123%20%20203.0.113.9%20UA")).toBe(200);
    // counted: no Sec-Fetch-Dest at all (an older browser; crawlers are told by their user agent)
    expect(await get("/posts/def456", { "user-agent": 'Odd "agent" \\ é\tx' })).toBe(200);

    // every request under /posts/ but none other: the site's access log has /tag/abc123
    const got = await lines(24);
    // nothing else arrives after the flush of the twenty-four
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await lines(24)).toHaveLength(24);
    // each of nginx's workers writes its own buffer: the lines' order is not the requests'
    const byPath = (p: string) => got.filter((l) => l.split(" ")[2] === p);
    expect(byPath("/posts/abc123/older")).toHaveLength(1);
    expect(byPath("/posts/x%0A1764684000.000%20/posts/abc123%20%20203.0.113.9%20UA")).toHaveLength(1);
    expect(byPath("/posts/missing1")).toHaveLength(1);
    expect(byPath("/posts/abc123")).toHaveLength(19);
    // the click's line holds `?1` where the destination goes, and neither purpose
    const clicked = got.filter((l) => l.includes(" BBBBBBBBBBBBBBBBBBBBBB "));
    expect(clicked.map((l) => l.split(" ").slice(11, 15))).toEqual([
      ["?1", "", "", "BBBBBBBBBBBBBBBBBBBBBB"],
    ]);
    // the router's lines (RSC) hold nothing of how they were fetched: nothing more looked up
    const router = got.filter((l) => l.split(" ")[10] === "1");
    expect(router.map((l) => l.split(" ").slice(11, 14))).toEqual(Array(4).fill(["", "", ""]));
    const parsed = got.map((l) => parseViewLine(l)).filter((v) => v !== null);
    expect(parsed.map((v) => v.publicId).sort()).toEqual([...Array(5).fill("abc123"), "def456"]);
    expect(parsed.map((v) => v.visitor ?? "").sort()).toEqual([
      "",
      "",
      "AAAAAAAAAAAAAAAAAAAAAA",
      "BBBBBBBBBBBBBBBBBBBBBB",
      "CCCCCCCCCCCCCCCCCCCCCC",
      "DDDDDDDDDDDDDDDDDDDDDD",
    ]);
    for (const v of parsed) {
      expect(v.ip).toBe("127.0.0.1");
      // nginx's ISO 8601 time, to the second
      expect(v.at % 1_000).toBe(0);
      expect(v.at).toBeGreaterThanOrEqual(at - 1_000);
      expect(v.at).toBeLessThanOrEqual(Date.now());
    }
    // the agents' bytes as they came (escape=none), read as latin1: what Node's header holds
    expect(parsed.filter((v) => v.publicId === "abc123").map((v) => v.userAgent)).toEqual(Array(5).fill(UA));
    expect(parsed.find((v) => v.publicId === "def456")?.userAgent).toBe('Odd "agent" \\ \u00e9\tx');
    // the query stays in nginx's line, and is not part of the id
    expect(byPath("/posts/abc123?from=wechat")).toHaveLength(1);
  });

  it("tells the app that it logs the views of what it passes on", () => {
    expect(toldLogged.length).toBeGreaterThan(0);
    expect(toldLogged).toContain("/posts/abc123");
  });
});
