// Resolves the database for a script: DATABASE_URL when set, else the embedded server.
import path from "node:path";
import { root, run, bin, step } from "./run.mjs";

/**
 * Returns { url, stop }. With DATABASE_URL unset, starts (or attaches to) the embedded
 * PostgreSQL in `.data/<cluster>` and makes sure database `name` exists on it.
 */
export async function resolveDatabase({
  cluster = "pg",
  name = "byline",
  fast = false,
  log = (m) => step("database", m),
} = {}) {
  if (process.env.DATABASE_URL) {
    log(`using DATABASE_URL (${redact(process.env.DATABASE_URL)})`);
    const noop = async () => {};
    return { url: process.env.DATABASE_URL, stop: noop, markStopping: () => {}, embedded: false };
  }
  const { startEmbeddedPostgres, createDatabaseIfMissing, withDatabase } = await import("./embedded-pg.mjs");
  // BYLINE_PG_DIR: where clusters live instead of .data (e.g. when a parent folder of the clone is
  // closed to the postgres user; scripts/lib/embedded-pg-guards.mjs says so on start)
  const base = process.env.BYLINE_PG_DIR ? path.resolve(process.env.BYLINE_PG_DIR) : path.join(root, ".data");
  const server = await startEmbeddedPostgres({ dir: path.join(base, cluster), log, fast });
  await createDatabaseIfMissing(server.url, name);
  if (server.started) log(`embedded PostgreSQL ready on 127.0.0.1:${server.port}`);
  return {
    url: withDatabase(server.url, name),
    serverUrl: server.url,
    stop: server.stop,
    markStopping: server.markStopping,
    embedded: true,
  };
}

function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable)";
  }
}

export const migrate = (url, args, opts = {}) =>
  run(process.execPath, [path.join(root, "scripts/prisma-migrate.mjs"), ...args], {
    ...opts,
    env: { DATABASE_URL: url, ...opts.env },
  });

export const seed = (url, opts = {}) =>
  run(bin("tsx"), [path.join(root, "prisma/seed/index.ts")], {
    ...opts,
    env: { DATABASE_URL: url, ...opts.env },
  });

export const generate = (opts = {}) =>
  run(bin("prisma"), ["generate"], {
    ...opts,
    // the CLI would otherwise try to download the native schema engine it does not need for generate
    env: {
      PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false",
      DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://localhost/unset",
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
  });
