import { describe, expect, it } from "vitest";
import { PUBLIC_ID_PATTERN } from "@/lib/public-id";
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

  it("reads nginx's line for the same request (deploy/nginx.conf byline_views), bytes as they came", () => {
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
});
