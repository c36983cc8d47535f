/**
 * vitest globalSetup for the integration project: a fresh database built from the committed
 * migrations (never `db push`). Uses TEST_DATABASE_URL / DATABASE_URL when set, otherwise an
 * embedded PostgreSQL cluster under .data/test-pg.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { assertSafeTestDatabase } from "./guard";

const root = path.resolve(import.meta.dirname, "../..");

async function recreate(url: string) {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  u.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}

export default async function setup() {
  let stop = async () => {};
  let url = process.env.TEST_DATABASE_URL;
  if (!url && process.env.DATABASE_URL) url = process.env.DATABASE_URL;
  if (!url) {
    const { resolveDatabase } = await import("../../scripts/lib/database.mjs");
    const server = await resolveDatabase({
      cluster: "test-pg",
      name: "byline_test_int",
      fast: true,
      log: () => {},
    });
    url = server.url as string;
    stop = server.stop;
  }
  assertSafeTestDatabase(url);
  await recreate(url);
  execFileSync(process.execPath, [path.join(root, "scripts/prisma-migrate.mjs"), "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
  process.env.DATABASE_URL = url;
  process.env.BYLINE_TEST = "1";
  process.env.BYLINE_QUERY_EVENTS = "1";
  return async () => stop();
}
