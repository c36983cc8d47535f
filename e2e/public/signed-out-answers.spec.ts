import { expect, test } from "@playwright/test";
import { withDb } from "../db";

/**
 * A signed-out reader's /api/me, notifications, bookmark state and my-comments are answered by the server before Next.js
 * (server/signed-out-answers.mjs). They must stay what the routes themselves answer: a cookie
 * named like a session that is none (Auth.js finds no session in it) sends the same request on
 * to Next.js, whose answer is compared with the server's, body and headers.
 */

test.use({ storageState: { cookies: [], origins: [] } });

const COMPARED = [
  "content-type",
  "cache-control",
  "x-content-type-options",
  "x-frame-options",
  "referrer-policy",
  "permissions-policy",
  "cross-origin-opener-policy",
  "strict-transport-security",
];

test("the server's signed-out answers are the routes' own", async ({ request }) => {
  const publicId = await withDb(async (c) => {
    const { rows } = await c.query<{ publicId: string }>(
      `SELECT "publicId" FROM articles WHERE status = 'PUBLISHED' ORDER BY "publishedAt" DESC LIMIT 1`,
    );
    return rows[0]!.publicId;
  });
  for (const path of [
    "/api/me",
    "/api/me/notifications",
    `/api/bookmarks/${publicId}`,
    `/api/articles/${publicId}/my-comments`,
  ]) {
    const fast = await request.get(path);
    const routed = await request.get(path, { headers: { cookie: "authjs.session-token=not-a-session" } });
    // the route's answer went through Next.js (its responses carry the page cache's BYPASS mark)
    expect(routed.headers()["x-byline-cache"], path).toBe("BYPASS");
    expect(fast.headers()["x-byline-cache"], path).toBeUndefined();
    expect(fast.status(), path).toBe(200);
    expect(routed.status(), path).toBe(200);
    expect(await fast.json(), path).toEqual(await routed.json());
    const pick = (h: Record<string, string>) => Object.fromEntries(COMPARED.map((k) => [k, h[k]]));
    expect(pick(fast.headers()), path).toEqual(pick(routed.headers()));
    // Vary: whether it names Cookie. Next.js' also names its router's headers and Accept-Encoding
    // (the server may compress its answers), which change nothing for an answer never stored.
    const namesCookie = (h: Record<string, string>) => /(^|,)\s*cookie\s*(,|$)/i.test(h.vary ?? "");
    expect(namesCookie(fast.headers()), path).toBe(namesCookie(routed.headers()));
  }
});
