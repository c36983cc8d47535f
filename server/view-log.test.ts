import fs from "node:fs";
import type { IncomingMessage } from "node:http";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { formatViewLine, parseViewLine } from "../lib/services/views/view-log.mjs";
import { createViewLog, viewLogDir } from "./view-log.mjs";
import { pathBytes } from "./view-line.mjs";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function folder() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "byline-view-log-"));
  dirs.push(d);
  return d;
}

const req = (headers: Record<string, string>, url = "/posts/abc123") =>
  ({
    url,
    method: "GET",
    headers: { "user-agent": "UA/1.0", ...headers },
    socket: { remoteAddress: "::ffff:192.0.2.9" },
  }) as unknown as IncomingMessage;

/** What the log holds once sealed: its lines parsed. */
function written(dir: string) {
  const [file, ...more] = fs.readdirSync(dir);
  expect(more).toEqual([]);
  expect(file).toMatch(/^app-.+-\d+-\d+-\d+\.log\.done$/);
  return fs
    .readFileSync(path.join(dir, file!), "latin1")
    .split("\n")
    .filter(Boolean)
    .map((l) => parseViewLine(l));
}

describe("the server's view log", () => {
  it("reads the visitor cookie among others, and leaves a signed-in reader to the beacon", () => {
    const dir = folder();
    const log = createViewLog({ dir, log: () => {} });
    const id = "AAAAAAAAAAAAAAAAAAAAAA";
    log.served(req({ cookie: `theme=dark; bl_vid=${id}; x=1` }), 200);
    log.served(req({ cookie: `xbl_vid=${"B".repeat(22)}` }), 200);
    log.served(req({ cookie: `xbl_vid=zz;bl_vid=${id}` }), 200);
    log.served(req({ cookie: `bl_vid=${id}; __Host-authjs.session-token=abc` }), 200);
    log.served(req({ cookie: "authjs.session-token.0=abc" }), 200);
    // an empty session cookie is no session (the page cache treats it so too)
    log.served(req({ cookie: "authjs.session-token=; bl_vid=" + id }), 200);
    log.served(req({ cookie: "my-session-token=1" }), 200);
    log.close();
    expect(written(dir).map((v) => v?.visitor)).toEqual([id, undefined, id, id, undefined]);
  });

  it("writes the client address TRUST_PROXY_HOPS picks, and the time of the buffer's first view", () => {
    const dir = folder();
    let now = 1_764_684_000_123;
    const log = createViewLog({ dir, log: () => {}, now: () => now });
    log.served(req({}), 200);
    now += 5;
    log.served(req({}, "/posts/def456?from=wechat"), 200);
    // the buffer written (at most flushMs after its first line): the next line's time is taken anew
    log.flush();
    now += 5;
    log.served(req({}, "/posts/ghi789"), 200);
    log.close();
    const view = { visitor: undefined, ip: "192.0.2.9", userAgent: "UA/1.0" };
    expect(written(dir)).toEqual([
      { at: 1_764_684_000_123, publicId: "abc123", ...view },
      { at: 1_764_684_000_123, publicId: "def456", ...view },
      { at: 1_764_684_000_133, publicId: "ghi789", ...view },
    ]);
  });

  it("behind TRUST_PROXY_HOPS proxies, writes the address that many back in X-Forwarded-For", async () => {
    // read once as the module loads: a fresh copy of it under the setting
    vi.stubEnv("TRUST_PROXY_HOPS", "1");
    vi.resetModules();
    try {
      const fresh = (await import("./view-log.mjs")) as typeof import("./view-log.mjs");
      const dir = folder();
      const log = fresh.createViewLog({ dir, log: () => {} });
      log.servedHit(
        req({ "x-forwarded-for": "203.0.113.1, 198.51.100.2" }),
        200,
        pathBytes("/posts/abc123"),
        "::ffff:127.0.0.1",
      );
      // no header: the connection's address, as it stands (the proxy's)
      log.servedHit(req({}), 200, pathBytes("/posts/abc123"), "::ffff:127.0.0.1");
      log.close();
      expect(written(dir).map((v) => v?.ip)).toEqual(["198.51.100.2", "127.0.0.1"]);
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });

  it("puts each view's line as its page is sent, writes per buffer or flush interval, seals a file at its size bound", () => {
    const dir = folder();
    const log = createViewLog({ dir, log: () => {}, flushMs: 60_000, flushBytes: 200, rotateBytes: 400 });
    const line = formatViewLine({
      at: Date.now(),
      publicId: "abc123",
      visitor: undefined,
      ip: "192.0.2.9",
      userAgent: "UA/1.0",
    });
    // the lines that fill flushBytes: one write; two writes pass rotateBytes
    const fill = Math.ceil(200 / line.length);
    expect(fill * line.length).toBeLessThan(400);
    expect(2 * fill * line.length).toBeGreaterThanOrEqual(400);
    for (let i = 0; i < fill - 1; i++) log.served(req({}), 200);
    expect(fs.readdirSync(dir)).toEqual([]);
    log.served(req({}), 200);
    expect(fs.readdirSync(dir)).toEqual([expect.stringMatching(/\.log$/)]);
    expect(fs.statSync(path.join(dir, fs.readdirSync(dir)[0]!)).size).toBe(fill * line.length);
    for (let i = 0; i < fill; i++) log.served(req({}), 200);
    expect(fs.readdirSync(dir)).toEqual([expect.stringMatching(/\.log\.done$/)]);
    log.served(req({}), 200);
    log.close();
    const lines = fs
      .readdirSync(dir)
      .flatMap((f) => fs.readFileSync(path.join(dir, f), "latin1").split("\n").filter(Boolean));
    expect(lines).toHaveLength(2 * fill + 1);
  });

  it("writes what is buffered within its flush interval", async () => {
    const dir = folder();
    const log = createViewLog({ dir, log: () => {}, flushMs: 20 });
    log.served(req({}), 200);
    expect(fs.readdirSync(dir)).toEqual([]);
    // the timer's write opened the file: close() only seals it
    await expect
      .poll(() => fs.readdirSync(dir), { timeout: 5_000 })
      .toEqual([expect.stringMatching(/\.log$/)]);
    log.close();
    expect(written(dir).map((v) => v?.publicId)).toEqual(["abc123"]);
  });

  it("logs a page the page cache sent as served does, but for what the page cache tested already", () => {
    const dir = folder();
    const log = createViewLog({ dir, log: () => {} });
    const id = "AAAAAAAAAAAAAAAAAAAAAA";
    // the line holds the path the entry keeps, not one read again from the request (whose URL is the
    // entry's key: a different one here tells the two apart)
    log.servedHit(req({ cookie: `bl_vid=${id}` }, "/posts/other"), 200, pathBytes("/posts/hit1"));
    log.servedHit(req({ cookie: `theme=dark; bl_vid=${id}` }, "/posts/hit2"), 304, pathBytes("/posts/hit2"));
    // not a view: another status, a HEAD, the front logged it, a prefetch, a frame, the router
    log.servedHit(req({}, "/posts/no1"), 404, pathBytes("/posts/no1"));
    log.servedHit(
      { ...req({}, "/posts/no2"), method: "HEAD" } as IncomingMessage,
      200,
      pathBytes("/posts/no2"),
    );
    log.servedHit(req({ "x-byline-view-logged": "1" }, "/posts/no3"), 200, pathBytes("/posts/no3"));
    log.servedHit(
      req({ "sec-purpose": "prefetch", "sec-fetch-dest": "document" }, "/posts/no4"),
      200,
      pathBytes("/posts/no4"),
    );
    log.servedHit(req({ "sec-fetch-dest": "iframe" }, "/posts/no5"), 200, pathBytes("/posts/no5"));
    log.servedHit(req({ rsc: "1" }, "/posts/no6"), 200, pathBytes("/posts/no6"));
    log.servedHit(req({ purpose: "prefetch" }, "/posts/no7"), 200, pathBytes("/posts/no7"));
    log.servedHit(
      req({ "sec-fetch-dest": "document", "sec-fetch-user": "?1" }, "/posts/hit3"),
      200,
      pathBytes("/posts/hit3"),
    );
    // the connection's address the server read as it opened, rather than the socket's getter
    log.servedHit(req({}, "/posts/hit4"), 200, pathBytes("/posts/hit4"), "::ffff:198.51.100.7");
    log.served(req({}, "/posts/hit5"), 200, "2001:db8::5");
    log.close();
    expect(written(dir).map((v) => [v?.publicId, v?.visitor, v?.ip])).toEqual([
      ["hit1", id, "192.0.2.9"],
      ["hit2", id, "192.0.2.9"],
      ["hit3", undefined, "192.0.2.9"],
      ["hit4", undefined, "198.51.100.7"],
      ["hit5", undefined, "2001:db8::5"],
    ]);
  });

  it("writes a line longer than its buffer on its own, in order, nothing cut", () => {
    const dir = folder();
    // the buffer holds flushBytes and 16 KB more: a 20 KB user agent does not fit it
    let now = 1_764_684_000_000;
    const log = createViewLog({ dir, log: () => {}, flushMs: 60_000, flushBytes: 200, now: () => now });
    const long = `UA/${"x".repeat(20_000)}`;
    log.served(req({}, "/posts/first"), 200);
    now += 5;
    log.served(req({ "user-agent": long, cookie: "a=1; bl_vid= LONGVISITOR ;b=2" }, "/posts/long"), 200);
    now += 5;
    // nothing was left buffered: this line's time is its own, not the long line's
    log.served(req({}, "/posts/last"), 200);
    log.close();
    expect(written(dir).map((v) => [v?.publicId, v?.userAgent.length, v?.visitor, v?.ip, v?.at])).toEqual([
      ["first", 6, undefined, "192.0.2.9", 1_764_684_000_000],
      ["long", long.length, "LONGVISITOR", "192.0.2.9", 1_764_684_000_005],
      ["last", 6, undefined, "192.0.2.9", 1_764_684_000_010],
    ]);
  });

  it("keeps one folder per database unless VIEW_LOG_DIR says where", () => {
    const a = viewLogDir({ DATABASE_URL: "postgresql://u@db.example:6543/news" });
    expect(a).toMatch(/\.data\/views\/db\.example-6543-news$/);
    expect(viewLogDir({ DATABASE_URL: "postgresql://u@127.0.0.1/other" })).toMatch(
      /127\.0\.0\.1-5432-other$/,
    );
    expect(viewLogDir({ VIEW_LOG_DIR: "/var/log/byline-views", DATABASE_URL: "x" })).toBe(
      "/var/log/byline-views",
    );
  });
});
