import fs from "node:fs";
import type { IncomingMessage } from "node:http";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { formatViewLine, parseViewLine } from "../lib/services/views/view-log.mjs";
import { createViewLog, viewLogDir } from "./view-log.mjs";

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

  it("writes the client address TRUST_PROXY_HOPS picks, and the time of the view", () => {
    const dir = folder();
    let now = 1_764_684_000_123;
    const log = createViewLog({ dir, log: () => {}, now: () => now });
    log.served(req({}), 200);
    now += 5;
    log.served(req({}, "/posts/def456?from=wechat"), 200);
    log.close();
    expect(written(dir)).toEqual([
      { at: 1_764_684_000_123, publicId: "abc123", visitor: undefined, ip: "192.0.2.9", userAgent: "UA/1.0" },
      { at: 1_764_684_000_128, publicId: "def456", visitor: undefined, ip: "192.0.2.9", userAgent: "UA/1.0" },
    ]);
  });

  it("makes lines per batch of views, writes per buffer or flush interval, seals a file at its size bound", () => {
    const dir = folder();
    const log = createViewLog({
      dir,
      log: () => {},
      flushMs: 60_000,
      flushBytes: 200,
      rotateBytes: 400,
      batch: 4,
    });
    const line = formatViewLine({
      at: Date.now(),
      publicId: "abc123",
      visitor: undefined,
      ip: "192.0.2.9",
      userAgent: "UA/1.0",
    });
    // four lines fill less than flushBytes, eight more
    expect(4 * line.length).toBeLessThan(200);
    expect(8 * line.length).toBeGreaterThanOrEqual(200);
    for (let i = 0; i < 7; i++) log.served(req({}), 200);
    // one batch made, buffered: nothing on disk yet
    expect(fs.readdirSync(dir)).toEqual([]);
    log.served(req({}), 200);
    expect(fs.readdirSync(dir)).toEqual([expect.stringMatching(/\.log$/)]);
    for (let i = 0; i < 8; i++) log.served(req({}), 200);
    // 16 lines written in two writes: past rotateBytes, sealed
    expect(fs.readdirSync(dir)).toEqual([expect.stringMatching(/\.log\.done$/)]);
    log.served(req({}), 200);
    log.close();
    const lines = fs
      .readdirSync(dir)
      .flatMap((f) => fs.readFileSync(path.join(dir, f), "latin1").split("\n").filter(Boolean));
    expect(lines).toHaveLength(17);
  });

  it.each([1, 256])("writes what is buffered within its flush interval (batches of %i)", async (batch) => {
    const dir = folder();
    const log = createViewLog({ dir, log: () => {}, flushMs: 20, batch });
    log.served(req({}), 200);
    expect(fs.readdirSync(dir)).toEqual([]);
    // the timer's write opened the file: close() only seals it
    await expect
      .poll(() => fs.readdirSync(dir), { timeout: 5_000 })
      .toEqual([expect.stringMatching(/\.log$/)]);
    log.close();
    expect(written(dir).map((v) => v?.publicId)).toEqual(["abc123"]);
  });

  it("writes a line longer than its buffer on its own, in order, nothing cut", () => {
    const dir = folder();
    // the buffer holds flushBytes and 16 KB more: a 20 KB user agent does not fit it
    const log = createViewLog({ dir, log: () => {}, flushMs: 60_000, flushBytes: 200 });
    const long = `UA/${"x".repeat(20_000)}`;
    log.served(req({}, "/posts/first"), 200);
    log.served(req({ "user-agent": long }, "/posts/long"), 200);
    log.served(req({}, "/posts/last"), 200);
    log.close();
    expect(written(dir).map((v) => [v?.publicId, v?.userAgent.length])).toEqual([
      ["first", 6],
      ["long", long.length],
      ["last", 6],
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
