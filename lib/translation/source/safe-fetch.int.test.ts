import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { startSourceFixtures, type SourceFixtures } from "@/lib/test/source-fixtures";
import type { Connector } from "@/lib/net/connect";
import { fetchSource, type Resolver } from "./safe-fetch";

/**
 * SSRF and hostile sources. No test here resolves a real name or connects outside loopback:
 * names go to an injected resolver, and the refusal tests inject a connector that records calls
 * beside a loopback listener that records connections. Both must stay empty.
 */

let fixtures: SourceFixtures;
let trap: http.Server;
let trapHits = 0;
let trapPort = 0;

beforeAll(async () => {
  fixtures = await startSourceFixtures();
  trap = http.createServer((_req, res) => res.end("<p>should never be reached</p>"));
  trap.on("connection", () => trapHits++);
  await new Promise<void>((r) => trap.listen(0, "127.0.0.1", r));
  trapPort = (trap.address() as AddressInfo).port;
});
afterAll(async () => {
  await fixtures.close();
  await new Promise((r) => trap.close(r));
});

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe("INVALID");
  return e as AppError;
}

describe("addresses refused before any connection", () => {
  // whatever the environment says: these run without the loopback allowance unless a test stubs it
  beforeEach(() => {
    vi.stubEnv("BYLINE_TEST_ALLOW_LOOPBACK_SOURCES", "");
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });
  const connect = vi.fn<Connector>();
  const resolve = vi.fn<Resolver>(async (name) => {
    const table: Record<string, string> = {
      "intranet.example": "10.1.2.3",
      "rebind.example": "192.168.0.10",
      "metadata-alias.example": "169.254.169.254",
      "v6-private.example": "fd00::5",
      "mixed.example": "93.184.216.34",
    };
    if (name === "mixed.example")
      return [
        { address: "93.184.216.34", family: 4 },
        { address: "127.0.0.1", family: 4 },
      ];
    if (!table[name]) throw new Error("ENOTFOUND");
    return [{ address: table[name], family: table[name].includes(":") ? 6 : 4 }];
  });

  it.each([
    ["loopback", `http://127.0.0.1:${"PORT"}/`],
    ["loopback IPv6", "http://[::1]:PORT/"],
    ["loopback as hex", "http://0x7f000001:PORT/"],
    ["loopback as decimal", "http://2130706433:PORT/"],
    ["v4-mapped loopback", "http://[::ffff:127.0.0.1]:PORT/"],
    ["cloud metadata", "http://169.254.169.254/latest/meta-data/"],
    ["metadata by name", "http://metadata.google.internal/computeMetadata/v1/"],
    ["private range", "http://10.0.0.1/"],
    ["private range 192.168", "https://192.168.1.1/"],
    ["CGNAT", "http://100.64.1.1/"],
    ["unspecified", "http://0.0.0.0/"],
    ["name resolving to a private address", "https://intranet.example/news"],
    ["name resolving to link-local metadata", "http://metadata-alias.example/"],
    ["name resolving to a unique-local IPv6 address", "http://v6-private.example/"],
    ["name with one public and one loopback address", "http://mixed.example/"],
    ["localhost", "http://localhost:PORT/"],
  ])("%s: %s", async (_name, raw) => {
    const url = raw.replace("PORT", String(trapPort));
    const e = await refusal(fetchSource(url, { resolve, connect }));
    expect(e.message).toMatch(/^不能抓取内网、本机或云元数据地址/);
    expect(connect).not.toHaveBeenCalled();
    expect(trapHits).toBe(0);
  });

  it.each([
    "file:///etc/passwd",
    "gopher://127.0.0.1:70/",
    "ftp://ftp.example/a.html",
    "data:text/html,<p>x",
    "javascript:alert(1)",
  ])("non-http scheme %s", async (url) => {
    const e = await refusal(fetchSource(url, { resolve, connect }));
    expect(e.message).toBe("只支持 http 和 https 链接。");
    expect(connect).not.toHaveBeenCalled();
  });

  it("refuses other ports, credentials in the URL and malformed URLs", async () => {
    vi.stubEnv("BYLINE_TEST_ALLOW_LOOPBACK_SOURCES", "");
    const publicOnly: Resolver = async () => [{ address: "93.184.216.34", family: 4 }];
    expect(
      (await refusal(fetchSource("http://news.example:8080/", { resolve: publicOnly, connect }))).message,
    ).toMatch(/标准端口/);
    expect(
      (await refusal(fetchSource("http://user:pw@news.example/", { resolve: publicOnly, connect }))).message,
    ).toMatch(/用户名或密码/);
    expect((await refusal(fetchSource("not a url", { resolve: publicOnly, connect }))).message).toMatch(
      /链接格式不正确/,
    );
    expect(connect).not.toHaveBeenCalled();
    vi.unstubAllEnvs();
  });

  it("with the test allowance lets loopback through, and nothing else private", async () => {
    vi.stubEnv("BYLINE_TEST_ALLOW_LOOPBACK_SOURCES", "1");
    const e = await refusal(fetchSource("http://10.0.0.1/", { resolve, connect }));
    expect(e.message).toMatch(/^不能抓取内网/);
    await refusal(fetchSource("http://169.254.169.254/", { resolve, connect }));
    await refusal(fetchSource("https://intranet.example/", { resolve, connect }));
    expect(connect).not.toHaveBeenCalled();
    const ok = await fetchSource(fixtures.url("poc-writeup"));
    expect(ok.notModified).toBe(false);
    vi.unstubAllEnvs();
  });
});

describe("connecting", () => {
  it("connects to exactly the address it checked, whatever the name resolves to later", async () => {
    vi.stubEnv("BYLINE_TEST_ALLOW_LOOPBACK_SOURCES", "1");
    const port = new URL(fixtures.base).port;
    let calls = 0;
    // a rebinding resolver: the first answer is checked and pinned; a second would be private
    const rebinding: Resolver = async () => [
      { address: calls++ === 0 ? "127.0.0.1" : "10.0.0.1", family: 4 },
    ];
    const r = await fetchSource(`http://rebind.example:${port}/ransomware-advisory`, { resolve: rebinding });
    expect(r.notModified).toBe(false);
    expect(calls).toBe(1);
    if (!r.notModified) expect(r.html).toContain("GlassWasp");
    expect(fixtures.requests.at(-1)).toBe("/ransomware-advisory");
    vi.unstubAllEnvs();
  });
});

describe("hostile sources (fixture server, loopback allowance on)", () => {
  beforeAll(() => {
    vi.stubEnv("BYLINE_TEST_ALLOW_LOOPBACK_SOURCES", "1");
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it("fetches a page with its validators and answers a conditional request with notModified", async () => {
    const r = await fetchSource(fixtures.url("patch-tuesday"));
    if (r.notModified) throw new Error("expected a page");
    expect(r).toMatchObject({ url: fixtures.url("patch-tuesday"), finalUrl: fixtures.url("patch-tuesday") });
    expect(r.etag).toMatch(/^"[0-9a-f]{16}"$/);
    expect(r.lastModified).toBe("Fri, 20 Nov 2026 08:00:00 GMT");
    expect(r.fetchedAt).toBeInstanceOf(Date);
    expect(await fetchSource(fixtures.url("patch-tuesday"), { etag: r.etag })).toEqual({ notModified: true });
    expect(await fetchSource(fixtures.url("patch-tuesday"), { lastModified: r.lastModified })).toEqual({
      notModified: true,
    });
  });

  it("follows up to 5 redirects and refuses the 6th", async () => {
    const r = await fetchSource(fixtures.url("redirect-4"));
    expect(r.notModified === false && r.finalUrl).toBe(fixtures.url("ransomware-advisory"));
    const e = await refusal(fetchSource(fixtures.url("redirect-5")));
    expect(e.message).toMatch(/重定向次数过多（超过 5 次）/);
  });

  it.each([
    ["redirect-private", "10.0.0.1"],
    ["redirect-metadata", "169.254.169.254"],
  ])("checks the redirect target again (%s)", async (name, host) => {
    const connect = vi.fn<Connector>((t) => import("@/lib/net/connect").then((m) => m.pinnedConnect(t)));
    const e = await refusal(fetchSource(fixtures.url(name), { connect }));
    expect(e.message).toBe(`不能抓取内网、本机或云元数据地址：${host}`);
    expect(connect).toHaveBeenCalledTimes(1); // the fixture itself, never the redirect target
  });

  it.each(["huge", "huge-declared"])("stops reading a 50 MB body at 5 MB (%s)", async (name) => {
    const e = await refusal(fetchSource(fixtures.url(name)));
    expect(e.message).toBe("原文超过 5 MB，无法抓取，请改用粘贴原文。");
  });

  it("counts decompressed bytes: a gzip bomb is refused, an ordinary gzip page decoded", async () => {
    expect((await refusal(fetchSource(fixtures.url("gzip-bomb")))).message).toBe(
      "原文超过 5 MB，无法抓取，请改用粘贴原文。",
    );
    const r = await fetchSource(fixtures.url("gzip"));
    expect(r.notModified === false && r.html).toContain("Compressed café");
  });

  it("gives up on a page that never ends at the deadline", async () => {
    const e = await refusal(fetchSource(fixtures.url("endless"), { timeoutMs: 1_500 }));
    expect(e.message).toMatch(/^原文网站 2 秒内没有响应完/);
  });

  it("refuses binary by content type and by sniffing", async () => {
    expect((await refusal(fetchSource(fixtures.url("png")))).message).toBe(
      "该链接返回的不是网页（image/png），请确认链接指向文章页面，或改用粘贴原文。",
    );
    expect((await refusal(fetchSource(fixtures.url("png-as-html")))).message).toMatch(
      /不是网页（二进制内容）/,
    );
  });

  it("decodes the declared charset and reports HTTP errors", async () => {
    const r = await fetchSource(fixtures.url("latin1"));
    expect(r.notModified === false && r.html).toContain("Café crème");
    expect((await refusal(fetchSource(fixtures.url("server-error")))).message).toMatch(/HTTP 500/);
    expect((await refusal(fetchSource(fixtures.url("no-such-page")))).message).toMatch(/HTTP 404/);
  });
});
