#!/usr/bin/env node
// `npm start` on a fresh clone: install → database → migrate → seed → build → serve.
// `npm run dev` (--dev): the same, with `next dev` instead of build + production server.
// Node built-ins only until dependencies are installed.
import fs from "node:fs";
import path from "node:path";
import { demoAuthSecret, ensureGenerated, ensureInstalled, sourceFingerprint } from "./lib/bootstrap.mjs";
import { build } from "./lib/build.mjs";
import { root, step } from "./lib/run.mjs";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);

await ensureInstalled();
await ensureGenerated();

const { resolveDatabase, migrate, seed } = await import("./lib/database.mjs");
// demo mode: no DATABASE_URL given, so this is a local try-out with demo content and logins
const demo = !process.env.DATABASE_URL || process.env.BYLINE_DEMO === "1";
step("database", demo ? "embedded PostgreSQL (DATABASE_URL unset)" : "DATABASE_URL");
let database;
try {
  database = await resolveDatabase();
} catch (e) {
  // e.g. a cluster folder the postgres user cannot reach: the message says what to do
  console.error(`\n[byline] start failed: ${e?.message ?? e}`);
  process.exit(1);
}
let stopping = false;
const stopDatabase = async () => {
  if (stopping) return;
  stopping = true;
  await database.stop();
};

try {
  step("migrate", "applying committed migrations");
  await migrate(database.url, ["deploy"], { quiet: true });

  const env = {
    DATABASE_URL: database.url,
    SITE_URL: process.env.SITE_URL ?? `http://localhost:${port}`,
    // where `npm run front` writes its view log too (server/view-log.mjs SITE_VIEW_LOG_DIR)
    VIEW_LOG_DIR: process.env.VIEW_LOG_DIR ?? path.join(root, ".data", "views", "site"),
    ...(demo ? { BYLINE_DEMO: "1", AUTH_SECRET: process.env.AUTH_SECRET ?? demoAuthSecret() } : {}),
  };
  Object.assign(process.env, env);

  if (demo) {
    step("seed", "demo content (idempotent)");
    const out = await seed(database.url, { quiet: true });
    console.log(`  ${out.trim().split("\n").pop()}`);
  }

  if (!dev) {
    const fingerprintFile = path.join(root, ".data", "build-fingerprint");
    const fingerprint = sourceFingerprint();
    const built =
      fs.existsSync(path.join(root, ".next", "BUILD_ID")) &&
      fs.existsSync(fingerprintFile) &&
      fs.readFileSync(fingerprintFile, "utf8") === fingerprint;
    if (built) step("build", "sources unchanged, reusing the production build");
    else {
      step("build", "next build (first run: a few minutes on 2 cores)");
      await build({ ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });
      fs.mkdirSync(path.dirname(fingerprintFile), { recursive: true });
      fs.writeFileSync(fingerprintFile, fingerprint);
    }
    process.env.NODE_ENV = "production";
  }

  const { startServers, workerCount } = await import("../server/cluster.mjs");
  const workers = dev ? 1 : workerCount();
  step("serve", dev ? "next dev" : `production server, ${workers} worker process${workers > 1 ? "es" : ""}`);
  const { onShutdown } = await import("../server/http-server.mjs");
  const { close } = await startServers({ dev, port, count: workers });
  step("ready", `http://localhost:${port}`);
  if (demo) {
    const { password, accounts } = JSON.parse(
      fs.readFileSync(path.join(root, "prisma/seed/demo-accounts.json"), "utf8"),
    );
    console.log(`\n  Demo logins (password for all: ${password})`);
    for (const a of accounts) console.log(`    ${a.role.padEnd(12)} ${a.email}`);
    console.log("");
  }
  onShutdown(async () => {
    // first: a restart started while this server drains must wait for the database, not attach to it
    database.markStopping();
    await close();
    await stopDatabase();
  });
} catch (e) {
  console.error(`\n[byline] start failed: ${e.message}`);
  if (e.output) console.error(e.output);
  await stopDatabase();
  process.exit(1);
}
