/**
 * Two copies of one site served side by side, for the round-trip fault tests (site export → import,
 * backup → restore): the fault suite's seeded database is site A; a test fills site B from it with
 * the command under test, serves both with the production build and compares every public page
 * (scripts/lib/site-roundtrip.mjs). Each server gets its own copy of the build with the pages
 * prerendered at build time removed: they were rendered from the build's database, and a server
 * would otherwise answer with them (and write its regenerated pages back into the build folder the
 * other server reads).
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { expect } from "vitest";
import { migrate } from "../../scripts/lib/database.mjs";
import { compareSites } from "../../scripts/lib/site-roundtrip.mjs";
import { faultDatabaseUrl, startFaultServer, type FaultServer } from "./fault-server";

const root = path.resolve(import.meta.dirname, "../..");

export type Site = { db: string; uploads: string };

const faultEnv = () => JSON.parse(process.env.FAULT_SERVER_ENV!) as Record<string, string>;

const dbUrl = (name: string) =>
  Object.assign(new URL(faultDatabaseUrl()), { pathname: `/${name}` }).toString();

/** Site A: the fault suite's seeded demo database (fault files run one at a time: nothing else writes to it now). */
export const faultSite = (): Site => ({
  db: new URL(faultDatabaseUrl()).pathname.slice(1),
  uploads: faultEnv().UPLOAD_DIR!,
});

/** Drops and creates a database on the fault suite's server; `migrated` applies the committed migrations. */
export async function recreateDatabase(name: string, { migrated }: { migrated: boolean }) {
  await withClient("postgres", async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  });
  if (migrated) await migrate(dbUrl(name), ["deploy"], { quiet: true });
}

export async function withClient<T>(db: string, query: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: dbUrl(db) });
  await client.connect();
  try {
    return await query(client);
  } finally {
    await client.end();
  }
}

/** Runs `node scripts/<script> …args` against a site's database and media folder; rejects on a non-zero exit. */
export const runScript = (script: string, args: string[], site: Site, env: Record<string, string> = {}) =>
  promisify(execFile)(process.execPath, [path.join(root, "scripts", script), ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: dbUrl(site.db), UPLOAD_DIR: site.uploads, ...env },
  });

/**
 * Production servers on private build copies (`.next-<prefix>-<name>`); `cleanup` stops them and
 * removes the copies.
 */
export function siteServers(prefix: string) {
  const servers: FaultServer[] = [];
  const copies: string[] = [];

  /** A private copy of the build without its prerendered or regenerated pages (made from other databases). */
  function distCopy(name: string): string {
    // beside the build: the build's node_modules links to external packages are relative
    const rel = `.next-${prefix}-${name}`;
    copies.push(rel);
    const to = path.join(root, rel);
    fs.rmSync(to, { recursive: true, force: true });
    fs.cpSync(path.join(root, faultEnv().NEXT_DIST_DIR!), to, { recursive: true });
    const app = path.join(to, "server", "app");
    for (const e of fs.readdirSync(app, { recursive: true, withFileTypes: true })) {
      const file = path.join(e.parentPath, e.name);
      if (/\.(html|rsc|meta|body)$/.test(e.name) && e.isFile()) fs.rmSync(file, { force: true });
      else if (e.name.endsWith(".segments") && e.isDirectory())
        fs.rmSync(file, { recursive: true, force: true });
    }
    // pages regenerated at run time by earlier servers on this build (the e2e server, other fault
    // tests): rendered from their databases, and served before a render from this server's own
    fs.rmSync(path.join(to, "server", "route-cache"), { recursive: true, force: true });
    fs.rmSync(path.join(to, "cache"), { recursive: true, force: true });
    return rel;
  }

  return {
    async serve(name: string, site: Site) {
      const server = await startFaultServer({
        name: `${prefix}-${name}`,
        env: { DATABASE_URL: dbUrl(site.db), UPLOAD_DIR: site.uploads, NEXT_DIST_DIR: distCopy(name) },
      });
      servers.push(server);
      return server;
    },
    async cleanup() {
      await Promise.all(servers.map((s) => s.stop()));
      for (const rel of copies) fs.rmSync(path.join(root, rel), { recursive: true, force: true });
    },
  };
}

/**
 * Serves A and B and expects every public page byte for byte the same, with every kind of page
 * among them; then changes one article's title in B and expects exactly that page reported, so the
 * comparison is shown able to fail. Returns that article's path.
 */
export async function expectSameSites(
  label: string,
  servers: ReturnType<typeof siteServers>,
  A: Site,
  B: Site,
) {
  const [a, b] = await Promise.all([servers.serve("a", A), servers.serve("b", B)]);
  const siteUrl = faultEnv().SITE_URL!;
  const { compared, differences } = await compareSites({ a: a.base, b: b.base, siteUrl, log: () => {} });
  console.log(`${label}: ${compared.length} pages compared, ${differences.length} different`);
  expect(differences).toEqual([]);
  for (const p of ["/", "/latest", "/feed", "/sitemap.xml"]) expect(compared).toContain(p);
  const published = await withClient(A.db, async (c) => {
    const { rows } = await c.query(
      `SELECT count(*)::int AS n FROM articles WHERE status = 'PUBLISHED' AND "deletedAt" IS NULL`,
    );
    return rows[0].n as number;
  });
  expect(compared.filter((p) => p.startsWith("/posts/")).length).toBeGreaterThanOrEqual(published);
  for (const kind of ["/category/", "/tag/", "/member/", "/page/", "/search?"])
    expect(compared.some((p) => p.startsWith(kind))).toBe(true);

  // the comparison can fail: a fresh server B on a fresh build copy, one title changed
  await b.stop();
  const article = compared.find((p) => p.startsWith("/posts/"))!;
  await withClient(B.db, (c) =>
    c.query(`UPDATE articles SET title = title || '（已改）' WHERE "publicId" = $1`, [article.split("/")[2]]),
  );
  const b2 = await servers.serve("b2", B);
  const proof = await compareSites({ a: a.base, b: b2.base, siteUrl, paths: [article] });
  expect(proof.differences.map((d) => d.path)).toEqual([article]);
  expect(proof.differences[0]!.why).toContain("已改");
  await b2.stop();
  return { article, a };
}
