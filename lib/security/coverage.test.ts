import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { POLICY } from "@/lib/authz";
import { TOKEN_SCOPES } from "@/lib/services/api-tokens/scopes";

/**
 * Meta-test: every endpoint that can change something goes through the security wrappers and
 * is accounted for. It reads the source, so a new action or route handler that skips the
 * wrapper, or names no permission without being listed below with a reason, fails here.
 */

const root = path.resolve(import.meta.dirname, "../..");

function* files(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== "node_modules" && e.name !== "generated" && !e.name.startsWith(".")) yield* files(p);
    } else if (/\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) yield p;
  }
}

const rel = (p: string) => path.relative(root, p);
const sources = [...files(path.join(root, "app")), ...files(path.join(root, "lib"))].map((p) => ({
  file: rel(p),
  text: readFileSync(p, "utf8"),
}));
const serverActionFiles = sources.filter((s) => /^\s*["']use server["'];/.test(s.text));
const routeFiles = sources.filter((s) => s.file.startsWith("app/") && /\/route\.ts$/.test(s.file));

/** Wrapped endpoints that deliberately name no permission: anyone may call them, the handler decides. */
const NO_PERMISSION: Record<string, string> = {
  "article.view": "the view beacon: anonymous readers count too; bots and staff are filtered in the service",
  "auth.login": "signing in is for the signed-out",
  "auth.register": "registering is for the signed-out",
  "auth.signOut": "anyone signed in may sign out",
  "auth.forgotPassword":
    "for the signed-out; rate-limited per account and IP, same answer whether or not the email exists",
  "auth.resetPassword": "for the signed-out; the single-use mailed token is the authorization",
  "account.changePassword": "any signed-in user, for their own account only (needs the current password)",
  "notifications.peek":
    "any signed-in user's own unread count for the bell; the service reads only the actor's rows",
  "notification.open": "any signed-in user marks their own notice read; the WHERE names the actor",
  "notification.markAllRead": "any signed-in user, their own notices only",
  // admin-only GET downloads that answer 404 (not 401/403) to anyone else, like every admin-only
  // route: the handler checks user.manage / audit.view first, the service asserts it again
  "user.exportData": "admins only (user.manage, checked in the handler so others get 404); read-only GET",
  "audit.export": "admins only (audit.view, checked in the handler so others get 404); read-only GET",
};

/** Mutating route handlers outside our wrapper, with the reason. */
const UNWRAPPED_ROUTES: Record<string, string> = {
  "app/api/auth/[...nextauth]/route.ts":
    "Auth.js' own endpoints, protected by its double-submit CSRF token; sign-in itself goes through our login action",
  "app/api/internal/revalidate/route.ts":
    "loopback-only cache invalidation for background jobs: a 404 without this process' in-memory secret (lib/jobs/background-invalidation.ts)",
};

type Wrapped = { file: string; name: string; permission: string | null };

function wrappedCalls(text: string, file: string): Wrapped[] {
  const out: Wrapped[] = [];
  // the options object runs up to the handler that follows it (it may contain a nested schema)
  for (const m of text.matchAll(
    /secure(?:Form)?(?:Action|Route)\(\s*\{([\s\S]*?)\}\s*,\s*(?:async\s*)?\(/g,
  )) {
    const opts = m[1] ?? "";
    const name = /name:\s*(?:"([^"]+)"|([^,]+))/.exec(opts);
    const permission = /permission:\s*"([^"]+)"/.exec(opts)?.[1] ?? null;
    out.push({ file, name: name?.[1] ?? name?.[2]?.trim() ?? "?", permission });
  }
  return out;
}

describe("every mutation goes through the security wrappers", () => {
  it("finds the action and route files (the scan itself works)", () => {
    expect(serverActionFiles.length).toBeGreaterThanOrEqual(3);
    expect(routeFiles.some((r) => r.file === "app/api/bookmarks/[publicId]/route.ts")).toBe(true);
  });

  for (const { file, text } of serverActionFiles) {
    it(`${file}: every export is a secureAction / secureFormAction, or only calls one`, () => {
      const secured = [...text.matchAll(/^(?:export\s+)?const\s+(\w+)\s*=\s*secure(?:Form)?Action\(/gm)].map(
        (m) => m[1]!,
      );
      const exports = [
        ...text.matchAll(/^export\s+(async\s+function|function|const|let|var)\s+(\w+)(.*)$/gm),
      ];
      expect(exports.length, file).toBeGreaterThan(0);
      for (const m of exports) {
        const [, kind, name, rest] = m;
        if (kind === "const") {
          expect(rest, `${name} in ${file}`).toMatch(/=\s*secure(Form)?Action\(/);
          continue;
        }
        // a plain function export (e.g. a form action with a different signature) must delegate to a wrapped one
        const body = text.slice(m.index!, text.indexOf("\n}\n", m.index!));
        expect(kind, `${name} in ${file}`).toMatch(/async\s+function/);
        expect(
          secured.some((c) => body.includes(`${c}(`)),
          `${name} in ${file} calls no secure*Action`,
        ).toBe(true);
      }
    });
  }

  for (const { file, text } of routeFiles) {
    it(`${file}: mutating methods go through secureRoute (adminRoute for the Admin API)`, () => {
      const mutating = [
        ...text.matchAll(/^export\s+(?:async\s+function|const)\s+(POST|PUT|PATCH|DELETE)\b(.*)$/gm),
      ];
      if (!mutating.length || UNWRAPPED_ROUTES[file]) return;
      // the Admin API authenticates a bearer token, not a session (lib/api/admin-route.ts)
      expect(text, file).toContain(file.startsWith("app/api/v1/admin/") ? "adminRoute(" : "secureRoute(");
      for (const [, method, rest] of mutating) expect(rest, `${method} in ${file}`).not.toMatch(/^\s*\(/); // not a bare async function
    });
  }

  it("every wrapped endpoint names a real permission, or is listed as open with a reason", () => {
    const all = sources
      .flatMap((s) => wrappedCalls(s.text, s.file))
      .filter((w) => !w.file.startsWith("lib/security/"));
    expect(all.length).toBeGreaterThanOrEqual(8);
    for (const w of all) {
      if (w.permission) expect(Object.keys(POLICY), `${w.name} (${w.file})`).toContain(w.permission);
      else
        expect(NO_PERMISSION, `${w.name} in ${w.file} has no permission and no listed reason`).toHaveProperty(
          [w.name],
        );
    }
  });

  it("every Admin API handler names a real token scope, and only admin routes use token auth", () => {
    const calls = sources.flatMap((s) =>
      [...s.text.matchAll(/adminRoute\(\s*\{([\s\S]*?)\}\s*,\s*(?:async\s*)?\(/g)].map((m) => ({
        file: s.file,
        scope: /scope:\s*"([^"]+)"/.exec(m[1] ?? "")?.[1],
      })),
    );
    const adminFiles = routeFiles.filter((r) => r.file.startsWith("app/api/v1/admin/"));
    expect(calls.length).toBeGreaterThanOrEqual(adminFiles.length);
    for (const c of calls) {
      expect(c.file, "adminRoute outside app/api/v1/admin").toMatch(/^app\/api\/v1\/admin\//);
      expect(TOKEN_SCOPES as readonly (string | undefined)[], c.file).toContain(c.scope);
    }
  });

  it("no handler answers a mutation to GET", () => {
    for (const { file, text } of routeFiles) {
      // the GET handler's body: up to its closing brace (function) or parenthesis (wrapped const) at column 0
      const get =
        /export\s+(?:async\s+function\s+GET\b[\s\S]*?\n\}|const\s+GET\b[\s\S]*?\n\);)/.exec(text)?.[0] ?? "";
      expect(get, file).not.toMatch(/\.(create|update|upsert|delete)(Many)?\(|toggleBookmark|recordView/);
    }
  });
});
