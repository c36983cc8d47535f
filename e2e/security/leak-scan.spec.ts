import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { authStatePath, type DemoRole } from "../auth-state";
import { query } from "../authz/server-actions";

/**
 * Runs after every other spec (its own Playwright project): no response body, RSC payload or
 * server log line may contain a password hash, a reset token (raw or hashed), a TOTP secret or
 * a recovery code hash. The secrets are read from the database by column name, so new secret
 * columns are covered without touching this file.
 */

const root = path.resolve(import.meta.dirname, "../..");
const SECRET_COLUMN = /(hash|secret|token)/i;
// columns matching the pattern that hold public data
const NOT_SECRET = new Set(["articles.searchVector"]);

async function secretsFromDatabase(): Promise<Map<string, string>> {
  const cols = await query<{ table_name: string; column_name: string }>(
    "select table_name, column_name from information_schema.columns where table_schema = 'public' and data_type in ('text', 'character varying', 'character')",
  );
  const secrets = new Map<string, string>();
  for (const { table_name, column_name } of cols) {
    if (!SECRET_COLUMN.test(column_name) || NOT_SECRET.has(`${table_name}.${column_name}`)) continue;
    const rows = await query<{ v: string }>(
      `select distinct "${column_name}" as v from "${table_name}" where "${column_name}" is not null limit 500`,
    );
    for (const { v } of rows) if (v.length >= 16) secrets.set(v, `${table_name}.${column_name}`);
  }
  return secrets;
}

/** Raw reset tokens only ever travel in mail: collect them from the mail files to make sure no page echoes one. */
function tokensFromMail(): string[] {
  const dir = process.env.MAIL_DIR;
  if (!dir || !fs.existsSync(dir)) return [];
  const tokens: string[] = [];
  for (const f of fs.readdirSync(dir)) {
    const text = fs.readFileSync(path.join(dir, f), "utf8");
    for (const m of text.matchAll(/[?&]token=([A-Za-z0-9_-]{20,})/g)) tokens.push(m[1]!);
  }
  return tokens;
}

async function bodies(
  request: APIRequestContext,
  paths: string[],
): Promise<{ where: string; text: string }[]> {
  const out: { where: string; text: string }[] = [];
  for (const p of paths) {
    for (const rsc of [false, true]) {
      const res = await request.get(p, { headers: rsc ? { RSC: "1" } : {}, maxRedirects: 0 });
      out.push({ where: `${p}${rsc ? " (RSC)" : ""} → ${res.status()}`, text: await res.text() });
    }
  }
  return out;
}

const PAGES: Record<DemoRole | "ANON", string[]> = {
  ANON: ["/", "/login", "/register", "/search?q=漏洞", "/feed", "/sitemap.xml", "/api/me"],
  READER: [
    "/",
    "/api/me",
    "/me/bookmarks",
    "/me/comments",
    "/me/contributions",
    "/me/security",
    "/contribute",
  ],
  CONTRIBUTOR: ["/api/me", "/editor"],
  TRANSLATOR: ["/api/me", "/editor", "/editor/articles/new", "/me/two-factor"],
  EDITOR: ["/api/me", "/editor", "/editor/review", "/admin/comments", "/me/two-factor"],
  ADMIN: ["/api/me", "/admin", "/admin/users", "/admin/audit", "/admin/settings", "/admin/categories"],
};

test("no response or log line carries a password hash, reset token, TOTP secret or recovery code", async ({
  playwright,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const secrets = await secretsFromDatabase();
  for (const t of tokensFromMail()) secrets.set(t, "reset token from a mail");
  expect(secrets.size, "the scan must have something to look for").toBeGreaterThan(5);

  const [article] = await query<{ publicId: string; id: string }>(
    'select "publicId", id from articles where status = \'PUBLISHED\' order by "publishedAt" desc limit 1',
  );
  const seen: { where: string; text: string }[] = [];
  for (const [role, paths] of Object.entries(PAGES)) {
    const request = await playwright.request.newContext({
      baseURL,
      storageState: role === "ANON" ? undefined : authStatePath(role as DemoRole),
    });
    const extra = article
      ? [
          `/posts/${article.publicId}`,
          ...(role === "EDITOR" || role === "ADMIN" ? [`/editor/articles/${article.id}`] : []),
        ]
      : [];
    seen.push(...(await bodies(request, [...paths, ...extra])));
    await request.dispose();
  }
  const logFile = path.join(root, ".data", "test-reports", "server.log");
  if (fs.existsSync(logFile)) seen.push({ where: "server.log", text: fs.readFileSync(logFile, "utf8") });
  expect(seen.length).toBeGreaterThan(40);

  const leaks: string[] = [];
  for (const { where, text } of seen) {
    if (/\$argon2(id|i|d)\$/.test(text)) leaks.push(`${where}: an argon2 hash`);
    for (const [secret, from] of secrets) if (text.includes(secret)) leaks.push(`${where}: ${from}`);
  }
  expect(leaks).toEqual([]);
});
