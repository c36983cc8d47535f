import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { PUBLIC_ID_PATTERN } from "@/lib/public-id";
import { CHROME, FETCH_MAP, FRONT_FORMAT, frontLine } from "@/lib/test/front-view-line";
import { ARTICLE_PAGE, formatViewLine, isDocumentRequest, parseViewLine } from "./view-log.mjs";

describe("the view log's lines", () => {
  it("round-trips a view, with and without a cookie and a user agent", () => {
    const at = 1_764_684_000_123;
    const ua = "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0";
    expect(
      parseViewLine(
        formatViewLine({
          at,
          publicId: "Ab_9-x",
          visitor: "AAAAAAAAAAAAAAAAAAAAAA",
          ip: "203.0.113.7",
          userAgent: ua,
        }).trimEnd(),
      ),
    ).toEqual({
      at,
      publicId: "Ab_9-x",
      visitor: "AAAAAAAAAAAAAAAAAAAAAA",
      ip: "203.0.113.7",
      userAgent: ua,
    });
    expect(formatViewLine({ at, publicId: "x", visitor: undefined, ip: "::1", userAgent: undefined })).toBe(
      "1764684000.123 /posts/x ::1  \n",
    );
    expect(parseViewLine("1764684000.123 /posts/x ::1  ")).toEqual({
      at,
      publicId: "x",
      visitor: undefined,
      ip: "::1",
      userAgent: "",
    });
  });

  it("reads the line the front wrote before its lines were access lines, bytes as they came", () => {
    // $msec $request_uri $remote_addr $cookie_bl_vid $http_user_agent, escape=none: nothing for an
    // empty variable, the query kept, the agent's bytes as latin1 characters, as Node holds them
    const ua = 'Odd "agent" \\ \u00e9\there\u007f';
    expect(parseViewLine(`1764684000.500 /posts/abc123?from=wechat&x=%22 127.0.0.1  ${ua}`)).toEqual({
      at: 1_764_684_000_500,
      publicId: "abc123",
      visitor: undefined,
      ip: "127.0.0.1",
      userAgent: ua,
    });
    // and the app's line for it is the same but for the query
    expect(
      formatViewLine({
        at: 1_764_684_000_500,
        publicId: "abc123",
        visitor: undefined,
        ip: "127.0.0.1",
        userAgent: ua,
      }),
    ).toBe(`1764684000.500 /posts/abc123 127.0.0.1  ${ua}\n`);
  });

  it("keeps the address whole when a cookie holds a space: the rest spills into the user agent", () => {
    expect(parseViewLine("1764684000.500 /posts/abc123 203.0.113.9 a b Mozilla/5.0")).toEqual({
      at: 1_764_684_000_500,
      publicId: "abc123",
      visitor: "a",
      ip: "203.0.113.9",
      userAgent: "b Mozilla/5.0",
    });
  });

  it("reads a line written before the path was logged (the bare id, the cookie, then the address)", () => {
    expect(parseViewLine("1764684000.500 abc123 AAAAAAAAAAAAAAAAAAAAAA 203.0.113.7 UA/1")).toEqual({
      at: 1_764_684_000_500,
      publicId: "abc123",
      visitor: "AAAAAAAAAAAAAAAAAAAAAA",
      ip: "203.0.113.7",
      userAgent: "UA/1",
    });
    expect(parseViewLine("1764684000.123 x - ::1 -")).toEqual({
      at: 1_764_684_000_123,
      publicId: "x",
      visitor: undefined,
      ip: "::1",
      userAgent: "",
    });
  });

  it("refuses what is not a line of ours instead of counting it", () => {
    for (const bad of [
      "",
      "garbage",
      "1764684000.1 abc",
      "x abc - 1.2.3.4 ua",
      "1764684000.1 bad/id - 1.2.3.4 ua",
      "-1 abc - 1.2.3.4 ua",
      `1764684000.1 ${"a".repeat(17)} - 1.2.3.4 ua`,
      "1764684000.1 /posts/abc123/older 1.2.3.4  ua",
      "1764684000.1 /posts/ 1.2.3.4  ua",
      "1764684000.1 /posts/?x=1 1.2.3.4  ua",
      "1764684000.1 /tag/abc 1.2.3.4  ua",
      // an encoded line break and spaces stay encoded in nginx's $request_uri
      "1764684000.1 /posts/x%0A1764684000.000%20/posts/abc123%20%20203.0.113.9%20UA 127.0.0.1  ua",
    ])
      expect(parseViewLine(bad), bad).toBeNull();
  });
});

describe("the front's lines (deploy/nginx.conf byline_article)", () => {
  it("are written in the order the parser reads, with no escaping", () => {
    const conf = fs.readFileSync(new URL("../../../deploy/nginx.conf", import.meta.url), "utf8");
    const format = /log_format byline_article (\S+)((?:\s*'[^']*')+);/.exec(conf);
    expect(format?.[1]).toBe("escape=none");
    const text = [...(format?.[2] ?? "").matchAll(/'([^']*)'/g)].map((m) => m[1]).join("");
    expect(text.trim().split(/\s+/)).toEqual(FRONT_FORMAT);
    // how the browser fetched the page: the map frontLine writes $byline_fetch by
    const map = /map "\$http_rsc:\$http_sec_fetch_user" \$byline_fetch \{([^}]*)\}/.exec(conf);
    const entries = [...(map?.[1] ?? "").matchAll(/^\s*("[^"]*"|\S+)\s+"([^"]*)";/gm)].map((m) => [
      m[1]?.replace(/^"|"$/g, ""),
      m[2],
    ]);
    expect(Object.fromEntries(entries)).toEqual(FETCH_MAP);
    // every line of the block is one of those entries: none the pattern above could skip
    expect((map?.[1] ?? "").split("\n").filter((l) => l.trim() && !l.trim().startsWith("#"))).toHaveLength(
      entries.length,
    );
  });

  it("read a reader's browser opening an article page as its view", () => {
    const view = {
      at: Date.parse("2026-12-02T13:00:05Z"),
      publicId: "abc123",
      visitor: "AAAAAAAAAAAAAAAAAAAAAA",
      ip: "203.0.113.7",
      userAgent: CHROME,
    };
    expect(parseViewLine(frontLine())).toEqual(view);
    // from the app through the front (a miss: a request id), a query, a first visit, no
    // Sec-Fetch-Dest (an older browser, a plain client)
    expect(
      parseViewLine(
        frontLine({
          $upstream_cache_status: "MISS",
          $upstream_http_x_byline_cache: "MISS",
          $byline_request_id: "0af1c3d2e4f5a6b7c8d9e0f1a2b3c4d5",
          $request_uri: "/posts/abc123?from=wechat&x=%22",
          $cookie_bl_vid: "",
          $http_sec_fetch_dest: "",
          $http_user_agent: 'Odd "agent" \\ \u00e9\there',
        }),
      ),
    ).toEqual({ ...view, visitor: undefined, userAgent: 'Odd "agent" \\ \u00e9\there' });
    // a cookie holding a space (the client's own, invalid) moves only what follows it: the app's
    // cache status (here empty) and the user agent
    expect(parseViewLine(frontLine({ $cookie_bl_vid: "a b" }))).toEqual({
      ...view,
      visitor: "a",
      userAgent: ` ${CHROME}`,
    });
    // a copy the browser revalidated, which it shows
    expect(parseViewLine(frontLine({ $status: "304", $body_bytes_sent: "0" }))).toEqual(view);
    // a navigation the reader did not make (a script's, a meta refresh's): the three headers tell
    const unasked = { $http_sec_fetch_user: "" };
    expect(frontLine(unasked)).toContain(" document   AAAA");
    expect(parseViewLine(frontLine(unasked))).toEqual(view);
    expect(parseViewLine(frontLine({ ...unasked, $http_sec_fetch_dest: "" }))).toEqual(view);
    // the reader's own: `?1`, nothing else looked up
    expect(frontLine()).toContain(" ?1   AAAA");
    // so a frame a page added within seconds of its reader's click counts (the front tells it
    // from a page only at the price of a second header looked up: deploy/nginx.conf)
    expect(parseViewLine(frontLine({ $http_sec_fetch_dest: "iframe" }))).toEqual(view);
    // the router's: nothing looked up but RSC
    expect(frontLine({ $http_rsc: "1" })).toContain(" 1    AAAA");
    expect(frontLine({ $http_rsc: "1", $http_sec_fetch_user: "" })).toContain(" 1    AAAA");
    // nginx joins a header the app sent twice with ", ": still the view, the agent's line longer
    expect(parseViewLine(frontLine({ $upstream_http_x_byline_cache: "MISS, MISS" }))).toEqual({
      ...view,
      userAgent: `MISS ${CHROME}`,
    });
  });

  it("read no view from any other request", () => {
    for (const [why, values] of [
      ["signed in", { $byline_session: "1" }],
      ["HEAD", { $request_method: "HEAD" }],
      ["POST", { $request_method: "POST" }],
      ["a 404", { $status: "404" }],
      ["a 502", { $status: "502" }],
      ["Next.js' router", { $http_rsc: "1" }],
      ["Next.js' router, after a click", { $http_rsc: "1", $http_sec_fetch_user: "?1" }],
      ["a frame", { $http_sec_fetch_user: "", $http_sec_fetch_dest: "iframe" }],
      ["a fetch", { $http_sec_fetch_user: "", $http_sec_fetch_dest: "empty" }],
      ["a speculation rule's prefetch", { $http_sec_fetch_user: "", $http_sec_purpose: "prefetch" }],
      ["a prerender", { $http_sec_fetch_user: "", $http_sec_purpose: "prefetch;prerender" }],
      ["older Chromium's prefetch", { $http_sec_fetch_user: "", $http_purpose: "prefetch" }],
      // `?1` in the destination's place from a client's own Sec-Fetch-Dest, beside a purpose
      ["a Sec-Fetch-Dest of ?1 with a purpose", { $byline_fetch: "?1 prefetch " }],
      ["Sec-Fetch-User other than ?1", { $http_sec_fetch_user: "?0", $http_sec_fetch_dest: "iframe" }],
      ["another page under /posts/", { $request_uri: "/posts/abc123/older" }],
      ["an encoded line break", { $request_uri: "/posts/x%0A1764684000.000%20/posts/abc123" }],
      ["a header with spaces, made by hand", { $http_rsc: "a b c" }],
      ["no time", { $time_iso8601: "" }],
      ["a failed request line", { $request_method: "" }],
    ] as const)
      expect(parseViewLine(frontLine(values)), why).toBeNull();
    expect(parseViewLine("GET 2026-12-02T21:00:05+08:00 /posts/abc123 200 203.0.113.7"), "torn").toBeNull();
  });
});

describe("which requests are views", () => {
  it("takes article pages only, with or without a query, ids as lib/public-id.ts has them", () => {
    expect(ARTICLE_PAGE.exec("/posts/abc123")?.[1]).toBe("abc123");
    expect(ARTICLE_PAGE.exec("/posts/abc123?utm_source=wechat")?.[1]).toBe("abc123");
    for (const p of [
      "/posts/abc123/older",
      "/posts/",
      "/posts",
      "/tag/abc",
      `/posts/${"a".repeat(17)}`,
      "/posts/a.b",
    ])
      expect(ARTICLE_PAGE.test(p), p).toBe(false);
    expect(PUBLIC_ID_PATTERN.source).toBe("^[A-Za-z0-9_-]{1,16}$");
  });

  it("takes a browser's document request, not prefetches, frames or fetches", () => {
    expect(isDocumentRequest({ "sec-fetch-dest": "document" })).toBe(true);
    expect(isDocumentRequest({})).toBe(true);
    expect(isDocumentRequest({ "sec-fetch-dest": "iframe" })).toBe(false);
    expect(isDocumentRequest({ "sec-fetch-dest": "empty" })).toBe(false);
    expect(isDocumentRequest({ "sec-fetch-dest": "document", "sec-purpose": "prefetch;prerender" })).toBe(
      false,
    );
    // a speculation rule's prefetch and a link prefetch, as Chromium 156 sends them
    expect(isDocumentRequest({ "sec-fetch-dest": "document", "sec-purpose": "prefetch" })).toBe(false);
    expect(isDocumentRequest({ "sec-fetch-dest": "empty", "sec-purpose": "prefetch" })).toBe(false);
    // Next.js' router: navigations and prefetches all carry RSC
    expect(isDocumentRequest({ rsc: "1" })).toBe(false);
    expect(isDocumentRequest({ rsc: "1", "next-router-prefetch": "1" })).toBe(false);
    // empty headers are absent ones, as nginx's variables see them
    expect(isDocumentRequest({ "sec-fetch-dest": "", "sec-purpose": "", rsc: "" })).toBe(true);
    // the legacy Purpose of Chromium's older prefetch and prerender
    expect(isDocumentRequest({ purpose: "prefetch" })).toBe(false);
  });

  it("tells a frame the page added after its reader's click from a page, where it has the headers", () => {
    // the app reads every header: the destination decides, Sec-Fetch-User or not (the front's
    // line of such a frame holds only `?1`, and counts: parseViewLine above)
    expect(isDocumentRequest({ "sec-fetch-user": "?1", "sec-fetch-dest": "document" })).toBe(true);
    expect(isDocumentRequest({ "sec-fetch-user": "?1", "sec-fetch-dest": "iframe" })).toBe(false);
    expect(isDocumentRequest({ "sec-fetch-user": "?1", rsc: "1" })).toBe(false);
  });
});
