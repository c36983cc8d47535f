import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { config, proxy } from "@/proxy";

const req = (path: string, cookie?: string) => new NextRequest(`http://localhost:3000${path}`, { headers: cookie ? { cookie } : {} });

describe("proxy", () => {
  it("sends visitors without a session cookie to the login page, keeping where they were going", () => {
    const res = proxy(req("/editor/drafts?page=2"));
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe("http://localhost:3000/login?next=%2Feditor%2Fdrafts%3Fpage%3D2");
  });

  it.each(["__Host-authjs.session-token=x", "authjs.session-token=x", "__Host-authjs.session-token.0=x; __Host-authjs.session-token.1=y"])(
    "lets a request with %s through (the pages check the session itself)",
    (cookie) => {
      const res = proxy(req("/admin", cookie));
      expect(res.headers.get("location")).toBeNull();
      expect(res.headers.get("x-middleware-next")).toBe("1");
    },
  );

  it("ignores look-alike and empty cookies", () => {
    expect(proxy(req("/admin", "session-token=x; authjs.session-tokenX=y; __Secure-authjs.session-token=z")).status).toBe(307);
    expect(proxy(req("/admin", "authjs.session-token=")).status).toBe(307);
  });

  it("runs on pages and route handlers (for the CSP), not on build assets or media", () => {
    const [{ source }] = config.matcher as [{ source: string }];
    const matches = (path: string) => new RegExp(`^${source}$`).test(path);
    for (const p of ["/", "/posts/abc", "/admin/users", "/api/me"]) expect(matches(p), p).toBe(true);
    for (const p of ["/_next/static/chunks/a.js", "/_next/image", "/media/ab/cd.webp", "/favicon.ico"]) expect(matches(p), p).toBe(false);
  });

  it("redirects only in the staff areas; other pages pass with a Content-Security-Policy", () => {
    const res = proxy(req("/me/bookmarks"));
    expect(res.headers.get("location")).toBeNull();
    expect(res.headers.get("content-security-policy")).toMatch(/script-src 'nonce-[^']+' '[^']+' 'strict-dynamic'/);
    expect(res.headers.get("content-security-policy")).not.toContain("unsafe-inline' 'strict");
    expect(res.headers.get("content-security-policy")).toContain("object-src 'none'");
  });

  it("only redirects in the staff areas (it runs everywhere else for the CSP nonce)", () => {
    for (const path of ["/", "/posts/abc", "/editorial", "/me/two-factor"]) expect(proxy(req(path)).headers.get("location"), path).toBeNull();
    expect(proxy(req("/editor")).status).toBe(307);
    expect(JSON.stringify(config.matcher)).toContain("_next/static");
  });
});
