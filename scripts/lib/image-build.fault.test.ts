/**
 * Issue 15, the build inside the Docker image: `npm run build -- --throwaway-database` builds
 * against an empty database and drops the pages prerendered from it (dropPrerenderedPages), so a
 * container serves what ITS database holds, never what the build's database held.
 *
 * A second full build here would take minutes on top of the suite's own, so this checks the same
 * claim on the fault suite's build, whose database differs from the one served: the build was
 * made from the seeded demo site; the servers below read a copy of that site in which the newest
 * article's title carries a marker and the oldest article is no longer public. The build copy
 * treated by dropPrerenderedPages must show the copy's content on the very first request of every
 * public page kind (home, article, category, tag, feed, sitemap). The untreated copy is the control:
 * its first answers are the build's pages (no marker, the hidden article still listed), which is
 * what a container would serve from an image built against an empty database.
 * The real thing, an empty-database build served against a seeded one, was run by hand (docs/deploy.md).
 */
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropPrerenderedPages } from "./image-build.mjs";
import { faultDatabaseUrl, startFaultServer, type FaultServer } from "@/lib/test/fault-server";

const root = path.resolve(import.meta.dirname, "../..");
const DB = "byline_test_image_build";
const MARK = "镜像构建标记";
const faultEnv = () => JSON.parse(process.env.FAULT_SERVER_ENV!) as Record<string, string>;
const dbUrl = (name: string) =>
  Object.assign(new URL(faultDatabaseUrl()), { pathname: `/${name}` }).toString();

const copies: string[] = [];
const servers: FaultServer[] = [];
let newest: { publicId: string; category: string; tag: string };
let hidden: string;

/** A copy of the suite's build beside it (its node_modules links are relative), minus pages other servers regenerated. */
function buildCopy(name: string, drop: boolean): string {
  const rel = `.next-image-build-${name}`;
  copies.push(rel);
  const to = path.join(root, rel);
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(path.join(root, faultEnv().NEXT_DIST_DIR!), to, { recursive: true });
  // pages the e2e server and earlier fault tests rendered into the build: not the build's own
  fs.rmSync(path.join(to, "server", "route-cache"), { recursive: true, force: true });
  if (drop) expect(dropPrerenderedPages(to)).toBeGreaterThan(20);
  return rel;
}

async function withClient<T>(name: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: dbUrl(name) });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The served database: the seeded site copied, then changed where every page kind shows it. */
async function makeServedDatabase() {
  const source = new URL(faultDatabaseUrl()).pathname.slice(1);
  await withClient("postgres", async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`);
    // a template must have no other sessions; the suite's own servers of earlier files are gone
    await admin.query(`CREATE DATABASE "${DB}" TEMPLATE "${source}"`);
  });
  await withClient(DB, async (c) => {
    const pub = `a.status = 'PUBLISHED' AND a."publishedAt" <= now()`;
    // the newest article (in the feed's and the lists' order), with a tag so its tag page lists it
    // too: earlier fault files add untagged articles, newer than every seeded one
    const {
      rows: [top],
    } = await c.query(
      `SELECT a.id FROM articles a WHERE ${pub} ORDER BY a."publishedAt" DESC, a."publicId" DESC LIMIT 1`,
    );
    await c.query(
      `INSERT INTO article_tags ("articleId", "tagId") SELECT $1, min(id) FROM tags ON CONFLICT DO NOTHING`,
      [top.id],
    );
    const { rows } = await c.query(
      `SELECT a."publicId", c.slug AS category, min(t.slug) AS tag FROM articles a
       JOIN categories c ON c.id = a."categoryId"
       JOIN article_tags at ON at."articleId" = a.id JOIN tags t ON t.id = at."tagId"
       WHERE a.id = $1 GROUP BY a.id, c.slug`,
      [top.id],
    );
    newest = rows[0];
    expect(newest, "the seeded site has a published article with a tag").toBeDefined();
    await c.query(`UPDATE articles SET title = $2 || title WHERE "publicId" = $1`, [newest.publicId, MARK]);
    const oldest = await c.query(
      `SELECT a."publicId" FROM articles a WHERE ${pub} ORDER BY a."publishedAt", a."publicId" LIMIT 1`,
    );
    hidden = oldest.rows[0].publicId;
    expect(hidden).not.toBe(newest.publicId);
    // scheduled a year ahead: out of every list, the sitemap and its own page
    await c.query(`UPDATE articles SET "publishedAt" = now() + interval '1 year' WHERE "publicId" = $1`, [
      hidden,
    ]);
  });
}

const serve = async (name: string, drop: boolean) => {
  const server = await startFaultServer({
    name: `image-build-${name}`,
    env: { DATABASE_URL: dbUrl(DB), NEXT_DIST_DIR: buildCopy(name, drop) },
  });
  servers.push(server);
  return server;
};

const text = async (srv: FaultServer, p: string) => {
  const res = await fetch(srv.base + p);
  expect(res.status, p).toBe(200);
  return res.text();
};

beforeAll(async () => {
  await makeServedDatabase();
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  for (const rel of copies) fs.rmSync(path.join(root, rel), { recursive: true, force: true });
  await withClient("postgres", (admin) => admin.query(`DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`));
});

describe("the image's build: prerendered pages dropped", () => {
  it("serves the running database on the first request of every page kind; the kept build does not", async () => {
    const [dropped, kept] = await Promise.all([serve("dropped", true), serve("kept", false)]);
    const pages = {
      home: "/",
      article: `/posts/${newest.publicId}`,
      category: `/category/${newest.category}`,
      tag: `/tag/${encodeURIComponent(newest.tag)}`,
      feed: "/feed",
    };

    // the control first: the build as `next build` left it answers with the build's database
    expect(await text(kept, pages.home)).not.toContain(MARK);
    expect(await text(kept, "/sitemap.xml")).toContain(`/posts/${hidden}<`);

    for (const [kind, p] of Object.entries(pages))
      expect(await text(dropped, p), `${kind} ${p}`).toContain(MARK);
    const sitemap = await text(dropped, "/sitemap.xml");
    expect(sitemap).toContain(`/posts/${newest.publicId}<`);
    expect(sitemap).not.toContain(`/posts/${hidden}<`);
    expect((await fetch(`${dropped.base}/posts/${hidden}`)).status).toBe(404);
  }, 300_000);
});
