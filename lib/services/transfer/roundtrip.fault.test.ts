/**
 * Acceptance (issue 14): export the seeded demo site (the fault suite's database), import it into an empty freshly migrated
 * database, serve both with the production build, and every public page is byte-identical
 * (CSP nonce aside: scripts/lib/site-roundtrip.mjs). Each server gets its own copy of the build
 * with the pages prerendered at build time removed: they were rendered from the build's
 * database, and a server would otherwise answer with them (and write its regenerated pages back
 * into the build folder the other server reads). Then the check is shown to fail: one title
 * changed in the imported database is reported.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../../scripts/lib/database.mjs";
import { compareSites } from "../../../scripts/lib/site-roundtrip.mjs";
import { faultDatabaseUrl, startFaultServer, type FaultServer } from "@/lib/test/fault-server";

const root = path.resolve(import.meta.dirname, "../../..");
const work = path.join(root, ".data", "test-roundtrip");
const env = () => JSON.parse(process.env.FAULT_SERVER_ENV!) as Record<string, string>;
const dbUrl = (name: string) =>
  Object.assign(new URL(faultDatabaseUrl()), { pathname: `/${name}` }).toString();
// A is the fault suite's seeded demo database (fault files run one at a time: nothing else writes to it now)
const A = {
  db: new URL(faultDatabaseUrl()).pathname.slice(1),
  get uploads() {
    return env().UPLOAD_DIR!;
  },
};
const B = { db: "byline_test_roundtrip_b", uploads: path.join(work, "uploads-b") };
const servers: FaultServer[] = [];
const copies: string[] = [];

async function recreate(name: string) {
  const admin = new pg.Client({ connectionString: dbUrl("postgres") });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  await migrate(dbUrl(name), ["deploy"], { quiet: true });
}

/**
 * A private copy of the build without its prerendered or regenerated pages (made from other
 * databases), beside the build (the build's node_modules links to external packages are relative).
 */
function distCopy(name: string): string {
  const rel = `.next-roundtrip-${name}`;
  copies.push(rel);
  const to = path.join(root, rel);
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(path.join(root, env().NEXT_DIST_DIR!), to, { recursive: true });
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

const cli = (script: string, args: string[], site: { db: string; uploads: string }) =>
  promisify(execFile)(process.execPath, [path.join(root, "scripts", script), ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: dbUrl(site.db), UPLOAD_DIR: site.uploads },
  });

const serve = async (name: string, site: { db: string; uploads: string }) => {
  const server = await startFaultServer({
    name: `roundtrip-${name}`,
    env: { DATABASE_URL: dbUrl(site.db), UPLOAD_DIR: site.uploads, NEXT_DIST_DIR: distCopy(name) },
  });
  servers.push(server);
  return server;
};

beforeAll(async () => {
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  await recreate(B.db);
  const archive = path.join(work, "site.zip");
  await cli("site-export.mjs", [archive], A);
  await cli("site-import.mjs", [archive], B);
}, 240_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  fs.rmSync(work, { recursive: true, force: true });
  for (const rel of copies) fs.rmSync(path.join(root, rel), { recursive: true, force: true });
});

describe("site export → import round trip", () => {
  it("serves every public page byte for byte the same, and reports a changed title", async () => {
    const [a, b] = await Promise.all([serve("a", A), serve("b", B)]);
    const siteUrl = env().SITE_URL!;
    const lines: string[] = [];
    const { compared, differences } = await compareSites({
      a: a.base,
      b: b.base,
      siteUrl,
      log: (l) => lines.push(l),
    });
    console.log(`round trip: ${compared.length} pages compared, ${differences.length} different`);
    expect(differences).toEqual([]);
    for (const p of ["/", "/latest", "/feed", "/sitemap.xml"]) expect(compared).toContain(p);
    const published = await countPublished();
    expect(compared.filter((p) => p.startsWith("/posts/")).length).toBeGreaterThanOrEqual(published);
    for (const kind of ["/category/", "/tag/", "/member/", "/page/", "/search?"])
      expect(compared.some((p) => p.startsWith(kind))).toBe(true);

    // the comparison can fail: a fresh server B on a fresh build copy, one title changed
    await b.stop();
    const article = compared.find((p) => p.startsWith("/posts/"))!;
    const client = new pg.Client({ connectionString: dbUrl(B.db) });
    await client.connect();
    await client.query(`UPDATE articles SET title = title || '（已改）' WHERE "publicId" = $1`, [
      article.split("/")[2],
    ]);
    await client.end();
    const b2 = await serve("b2", B);
    const proof = await compareSites({ a: a.base, b: b2.base, siteUrl, paths: [article] });
    expect(proof.differences.map((d) => d.path)).toEqual([article]);
    expect(proof.differences[0]!.why).toContain("已改");
  }, 600_000);
});

async function countPublished() {
  const client = new pg.Client({ connectionString: dbUrl(A.db) });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM articles WHERE status = 'PUBLISHED' AND "deletedAt" IS NULL`,
    );
    return rows[0].n as number;
  } finally {
    await client.end();
  }
}
