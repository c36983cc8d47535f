// e2e stage of `npm test`: a seeded database, the production build, the real server, Playwright.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { sourceFingerprint } from "./bootstrap.mjs";
import { build } from "./build.mjs";
import { migrate, seed } from "./database.mjs";
import { freePort } from "./free-port.mjs";
import { bin, firstLine, root, run, step } from "./run.mjs";

const DIST = ".next-test";
const reports = path.join(root, ".data", "test-reports");

function isFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

async function recreateDatabase(url) {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  if (!["127.0.0.1", "localhost", "[::1]"].includes(u.hostname) || !name.includes("test"))
    throw new Error(`refusing to reset ${name} on ${u.hostname}`);
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

async function waitForHealth(base, child, logFile, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null)
      throw new Error(`server exited with ${child.exitCode}; see .data/test-reports/server.log`);
    // our own child must own the port (scripts/serve.mjs prints this after listen succeeds):
    // a health answer alone could come from another server on the same port
    const listening = fs.readFileSync(logFile, "utf8").includes("Byline listening on");
    if (!listening) {
      await new Promise((r) => setTimeout(r, 250));
      continue;
    }
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("server did not become healthy in 60 s");
}

/**
 * What e2e and the fault suite share: a fresh seeded database and an up-to-date production build.
 * Returns the server environment. The build bakes SITE_URL in, so the base port stays fixed when
 * free (reruns reuse the build); e2e needs that port for its own server (`needPort`), the fault
 * suite starts its servers on other ports and only keeps SITE_URL for the Origin check.
 */
export async function prepareProductionRun(
  databaseUrl,
  { label = "e2e", needPort = true, uploads = "test-uploads", mail = "test-mail" } = {},
) {
  step(label, "fresh database, migrations, demo seed");
  await recreateDatabase(databaseUrl);
  await migrate(databaseUrl, ["deploy"], { quiet: true });
  await seed(databaseUrl, { quiet: true, env: { UPLOAD_DIR: path.join(root, ".data", uploads) } });

  // Another run on this machine may take the port while we build: then build again for a fresh
  // one rather than test somebody else's server.
  let port = (await isFree(39170)) ? 39170 : await freePort();
  let base, env;
  for (let attempt = 0; ; attempt++) {
    base = `http://localhost:${port}`;
    env = {
      NODE_ENV: "production",
      NEXT_DIST_DIR: DIST,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      SITE_URL: base,
      PORT: String(port),
      AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
      BYLINE_DEMO: "1",
      BYLINE_TEST: "1",
      // test-only: the translation specs ingest sources from a fixture server on 127.0.0.1
      BYLINE_TEST_ALLOW_LOOPBACK_SOURCES: "1",
      // test-only: the webhook spec's receiver listens on 127.0.0.1
      BYLINE_TEST_ALLOW_LOOPBACK_WEBHOOKS: "1",
      // the source-update job has its own tests; here it would only add requests mid-run
      BYLINE_SOURCE_CHECK: "off",
      UPLOAD_DIR: path.join(root, ".data", uploads),
      MAIL_DIR: path.join(root, ".data", mail),
      LOG_LEVEL: "info",
    };
    const stamp = path.join(root, DIST, "byline-fingerprint");
    process.env.SITE_URL = base;
    const fingerprint = sourceFingerprint();
    if (fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === fingerprint)
      step(label, "production build up to date");
    else {
      step(label, "next build");
      await build(env);
      fs.writeFileSync(stamp, fingerprint);
    }
    if (!needPort || (await isFree(port))) break;
    if (attempt >= 2) throw new Error(`port ${port} is taken by another process`);
    step(label, `port ${port} was taken while building (another test run?): building for a free port`);
    port = await freePort();
  }
  fs.rmSync(env.MAIL_DIR, { recursive: true, force: true });
  return { base, env };
}

export async function runE2E(databaseUrl, extraArgs = []) {
  const { base, env } = await prepareProductionRun(databaseUrl);
  step("e2e", `starting the production server on ${base}`);
  const logFile = path.join(reports, "server.log");
  const log = fs.openSync(logFile, "w");
  const server = spawn(process.execPath, [path.join(root, "scripts/serve.mjs")], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", log, log],
  });
  try {
    await waitForHealth(base, server, logFile);
    const out = path.join(reports, "e2e.json");
    fs.rmSync(out, { force: true });
    let failure;
    try {
      await run(bin("playwright"), ["test", ...extraArgs], {
        env: { ...env, NODE_ENV: "test", BASE_URL: base, PLAYWRIGHT_JSON_OUTPUT_NAME: out },
      });
    } catch (e) {
      failure = e;
    }
    const counts = fs.existsSync(out)
      ? playwrightCounts(JSON.parse(fs.readFileSync(out, "utf8")))
      : { passed: 0, failed: 1, skipped: 0 };
    if (failure) throw Object.assign(failure, { counts });
    const renderErrors = failedRenders(fs.readFileSync(logFile, "utf8"));
    if (renderErrors.length)
      throw Object.assign(
        new Error(
          `the server log has ${renderErrors.length} failed render line(s) no test saw (${logFile}): ${renderErrors[0]}`,
        ),
        { counts: { ...counts, failed: counts.failed + 1 } },
      );
    return counts;
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => (server.exitCode !== null ? r() : server.once("exit", r)));
    fs.closeSync(log);
  }
}

/**
 * Renders Next.js failed where no test looks: a background regeneration or a prerender stage that
 * met the clock or randomness (the page then stays stale, or its prefetch fails). Readers still get
 * a page, so only the server log tells (the CVE page's regeneration failed on every try, unseen).
 * @param {string} log
 * @returns {string[]} the first line of each
 */
export function failedRenders(log) {
  return log
    .split("\n")
    .filter((line) =>
      /encountered the unstable value|^Error revalidating the page in the background/.test(line),
    );
}

function playwrightCounts(report) {
  const s = report.stats ?? {};
  return {
    passed: (s.expected ?? 0) + (s.flaky ?? 0),
    failed: s.unexpected ?? 0,
    skipped: s.skipped ?? 0,
    problems: playwrightProblems(report),
  };
}

/**
 * The tests that failed or passed only on a retry, with the first line of their first error: the
 * summary `npm test` prints last, so that the tail of a CI log names them.
 * @returns {{ status: string, title: string, error: string }[]}
 */
function playwrightProblems(report) {
  const out = [];
  const walk = (suite, path) => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests ?? []) {
        if (t.status !== "unexpected" && t.status !== "flaky") continue;
        const error = (t.results ?? []).map((r) => r.error?.message).find(Boolean) ?? "";
        out.push({
          status: t.status === "flaky" ? "flaky" : "failed",
          title: `[${t.projectName}] ${spec.file}:${spec.line} › ${[...path, spec.title].join(" › ")}`,
          error: firstLine(error),
        });
      }
    for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  return out;
}
