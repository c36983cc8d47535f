import { describe, expect, it } from "vitest";
import { PUBLIC_ID_PATTERN } from "@/lib/public-id";
import {
  ARTICLE_PAGE,
  escapeLogText,
  formatViewLine,
  isDocumentRequest,
  parseViewLine,
} from "./view-log.mjs";

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
      "1764684000.123 x - ::1 -\n",
    );
    expect(parseViewLine("1764684000.123 x - ::1 -")).toEqual({
      at,
      publicId: "x",
      visitor: undefined,
      ip: "::1",
      userAgent: "",
    });
  });

  it("reads nginx's line for the same request (deploy/nginx.conf byline_views)", () => {
    // $msec $byline_view_article $cookie_bl_vid $remote_addr $http_user_agent, "-" for empty
    expect(parseViewLine("1764684000.500 abc123 - 127.0.0.1 Odd \\x22agent\\x22 \\x5C \\xE9")).toEqual({
      at: 1_764_684_000_500,
      publicId: "abc123",
      visitor: undefined,
      ip: "127.0.0.1",
      userAgent: "Odd \\x22agent\\x22 \\x5C \\xE9",
    });
  });

  it("escapes a user agent as nginx does, so both writers give one visitor the same id", () => {
    expect(escapeLogText('Odd "agent" \\ \u00e9')).toBe("Odd \\x22agent\\x22 \\x5C \\xE9");
    expect(escapeLogText("tab\there\u007f")).toBe("tab\\x09here\\x7F");
    expect(escapeLogText("plain (ASCII); ok/1.0")).toBe("plain (ASCII); ok/1.0");
  });

  it("refuses what is not a line of ours instead of counting it", () => {
    for (const bad of [
      "",
      "garbage",
      "1764684000.1 abc",
      "x abc - 1.2.3.4 ua",
      "1764684000.1 bad/id - 1.2.3.4 ua",
      "1764684000.1 abc -  ua",
      "-1 abc - 1.2.3.4 ua",
      `1764684000.1 ${"a".repeat(17)} - 1.2.3.4 ua`,
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
    expect(isDocumentRequest({ purpose: "prefetch" })).toBe(false);
  });
});
