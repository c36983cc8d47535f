import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerSignedOut } from "./signed-out-answers.mjs";

// a server that answers what answerSignedOut does not with 299 "passed on" (Next.js' place)
let base = "";
const server = http.createServer((req, res) => {
  if (answerSignedOut(req, res)) return;
  res.writeHead(299, { "content-type": "text/plain" });
  res.end("passed on");
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const ask = (path: string, init: RequestInit = {}) => fetch(`${base}${path}`, init);

describe("the signed-out answers to every public page's per-reader requests", () => {
  it("answers /api/me as its route does for a reader without a session", async () => {
    for (const cookie of [undefined, "bl_vid=AAAAAAAAAAAAAAAAAAAAAA; theme=dark", "authjs.session-token="]) {
      const res = await ask("/api/me", { headers: cookie ? { cookie } : {} });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ user: null });
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("vary")).toBe("Cookie");
      expect(res.headers.get("content-type")).toBe("application/json");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
    }
  });

  it.each([
    ["/api/me/notifications", { unread: null, items: [] }],
    ["/api/bookmarks/abc123", { signedIn: false, bookmarked: false }],
    ["/api/bookmarks/A_b-0123456789xy?x=1", { signedIn: false, bookmarked: false }],
    ["/api/articles/abc123/my-comments", { signedIn: false }],
    ["/api/articles/A_b-0123456789xy/my-comments", { signedIn: false }],
  ])("answers %s as its route does", async (path, body) => {
    const res = await ask(path);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(body);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("vary")).toBeNull();
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("answers HEAD with the headers and no body", async () => {
    const res = await ask("/api/me", { method: "HEAD" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-length")).toBe(String(JSON.stringify({ user: null }).length));
    expect(await res.text()).toBe("");
  });

  it("passes on a session, other methods, other paths and ids the route would refuse", async () => {
    const passed = [
      ask("/api/me", { headers: { cookie: "authjs.session-token=abc" } }),
      ask("/api/me", { headers: { cookie: "theme=dark; __Host-authjs.session-token.0=abc" } }),
      ask("/api/articles/abc123/my-comments", { headers: { cookie: "authjs.session-token=abc" } }),
      ask("/api/me", { method: "POST", body: "{}" }),
      ask("/api/me/notifications", { headers: { cookie: "authjs.session-token=abc" } }),
      ask("/api/bookmarks/abc123", { method: "POST" }),
      ask("/api/bookmarks/abc123", { method: "DELETE" }),
      ask("/api/bookmarks/abc123/x"),
      ask("/api/me/export"),
      ask("/api/meow"),
      ask("/api/articles/abcdefghijklmnopq/my-comments"),
      ask("/api/articles/a%20b/my-comments"),
      ask("/api/articles/abc123/comments"),
    ];
    for (const res of await Promise.all(passed)) {
      expect(res.status).toBe(299);
      expect(await res.text()).toBe("passed on");
    }
  });
});
