import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { config, proxy } from "@/proxy";

const req = (path: string, cookie?: string) =>
  new NextRequest(`http://localhost:3000${path}`, { headers: cookie ? { cookie } : {} });

describe("proxy", () => {
  it("sends visitors without a session cookie to the login page, keeping where they were going", async () => {
    const res = await proxy(req("/editor/drafts?page=2"));
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe(
      "http://localhost:3000/login?next=%2Feditor%2Fdrafts%3Fpage%3D2",
    );
  });

  it.each([
    "__Host-authjs.session-token=x",
    "authjs.session-token=x",
    "__Host-authjs.session-token.0=x; __Host-authjs.session-token.1=y",
  ])("lets a request with %s through (the pages check the session itself)", async (cookie) => {
    const res = await proxy(req("/admin", cookie));
    expect(res.headers.get("location")).toBeNull();
    expect(res.headers.get("x-middleware-next")).toBe("1");
  });

  it("ignores look-alike and empty cookies", async () => {
    expect(
      (
        await proxy(
          req("/admin", "session-token=x; authjs.session-tokenX=y; __Secure-authjs.session-token=z"),
        )
      ).status,
    ).toBe(307);
    expect((await proxy(req("/admin", "authjs.session-token="))).status).toBe(307);
  });

  it("runs on pages and route handlers (for the CSP), not on build assets or media", async () => {
    const [{ source }] = config.matcher as [{ source: string }];
    const matches = (path: string) => new RegExp(`^${source}$`).test(path);
    for (const p of ["/", "/posts/abc", "/admin/users", "/api/me"]) expect(matches(p), p).toBe(true);
    for (const p of ["/_next/static/chunks/a.js", "/_next/image", "/media/ab/cd.webp", "/favicon.ico"])
      expect(matches(p), p).toBe(false);
  });

  it("redirects only in the staff areas; other pages pass with a Content-Security-Policy", async () => {
    const res = await proxy(req("/me/bookmarks"));
    expect(res.headers.get("location")).toBeNull();
    expect(res.headers.get("content-security-policy")).toMatch(
      /script-src 'nonce-[^']+' '[^']+' 'strict-dynamic'/,
    );
    expect(res.headers.get("content-security-policy")).not.toContain("unsafe-inline' 'strict");
    expect(res.headers.get("content-security-policy")).toContain("object-src 'none'");
  });

  it("only redirects in the staff areas (it runs everywhere else for the CSP nonce)", async () => {
    for (const path of ["/", "/posts/abc", "/editorial", "/me/two-factor"])
      expect((await proxy(req(path))).headers.get("location"), path).toBeNull();
    expect((await proxy(req("/editor"))).status).toBe(307);
    expect(JSON.stringify(config.matcher)).toContain("_next/static");
  });
});

describe("proxy: staff pages a signed-in role may not open answer 404 (issue 8, finding 7a)", () => {
  const SECRET = "proxy-test-secret-".padEnd(43, "x");
  const NAME = "__Host-authjs.session-token"; // SITE_URL unset: http://localhost:3000 keeps the prefix

  beforeAll(() => {
    vi.stubEnv("AUTH_SECRET", SECRET);
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  const as = async (role: string) => {
    const now = Date.now();
    const token = await encode({
      token: {
        sub: "u1",
        userId: "u1",
        role,
        sessionVersion: 1,
        checkedAt: now,
        issuedAt: now,
        lastSeenAt: now,
      },
      secret: SECRET,
      salt: NAME,
    });
    return `${NAME}=${token}`;
  };
  const isNotFound = (res: Response) =>
    res.status === 404 && /\/_byline\/not-found$/.test(res.headers.get("x-middleware-rewrite") ?? "");

  it.each([
    ["READER", "/editor"],
    ["READER", "/editor/articles/new"],
    ["READER", "/editor/review"],
    ["READER", "/admin"],
    ["READER", "/admin/users"],
    ["CONTRIBUTOR", "/admin"],
    ["CONTRIBUTOR", "/editor/review"],
    ["TRANSLATOR", "/admin/comments"],
    ["TRANSLATOR", "/editor/review"],
    ["EDITOR", "/admin/comments/rules"],
    ["EDITOR", "/admin/users/abc"],
    ["EDITOR", "/admin/settings"],
  ])("%s on %s: the site's 404 page with status 404", async (role, path) => {
    const res = await proxy(req(path, await as(role)));
    expect(isNotFound(res)).toBe(true);
    // still with the page's Content-Security-Policy
    expect(res.headers.get("content-security-policy")).toContain("object-src 'none'");
  });

  it.each([
    ["CONTRIBUTOR", "/editor"],
    ["TRANSLATOR", "/editor/articles/abc"],
    ["EDITOR", "/editor/review"],
    ["EDITOR", "/admin/comments"],
    ["EDITOR", "/admin"], // the overview sends editors on to the comment queue
    ["ADMIN", "/admin"],
    ["ADMIN", "/admin/audit"],
    ["READER", "/me/bookmarks"],
  ])("%s on %s: passes to the page", async (role, path) => {
    const res = await proxy(req(path, await as(role)));
    expect(res.status).toBe(200);
    expect(res.headers.get("x-middleware-next")).toBe("1");
  });

  it("leaves server-action POSTs to the action, which refuses with FORBIDDEN itself", async () => {
    const post = new NextRequest("http://localhost:3000/admin/categories", {
      method: "POST",
      headers: { cookie: await as("READER"), "next-action": "7f00" },
    });
    const res = await proxy(post);
    expect(res.headers.get("x-middleware-next")).toBe("1");
    expect(res.headers.get("x-middleware-rewrite")).toBeNull();
  });

  it("lets a cookie that does not decrypt through: the page decides (login or 404)", async () => {
    const res = await proxy(req("/admin", `${NAME}=not-a-token`));
    expect(res.headers.get("x-middleware-next")).toBe("1");
  });
});
