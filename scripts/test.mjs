#!/usr/bin/env node
// `npm test`: the whole suite on a fresh clone: install → check (eslint + tsc) → unit →
// integration (fresh migrated database) → e2e (seeded database, production build, Chromium).
// → fault (the production server under abuse: locks, storms, SIGTERM, disk full; own servers).
// Flags: --only=check,unit,integration,e2e,fault to run a subset; extra args after -- go to
// Playwright (e2e) and to vitest (fault).
import fs from "node:fs";
import path from "node:path";
import { ensureGenerated, ensureInstalled } from "./lib/bootstrap.mjs";
import { bin, firstLine, root, run, step } from "./lib/run.mjs";

const only = process.argv
  .find((a) => a.startsWith("--only="))
  ?.slice(7)
  .split(",");
const want = (s) => !only || only.includes(s);
const pwArgs = process.argv.includes("--") ? process.argv.slice(process.argv.indexOf("--") + 1) : [];
const results = [];
const reportDir = path.join(root, ".data", "test-reports");

await ensureInstalled();
await ensureGenerated();
fs.mkdirSync(reportDir, { recursive: true });

function vitestCounts(file) {
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests,
    skipped: r.numPendingTests + (r.numTodoTests ?? 0),
    problems: (r.testResults ?? []).flatMap((f) =>
      (f.assertionResults ?? [])
        .filter((a) => a.status === "failed")
        .map((a) => ({
          status: "failed",
          title: `${path.relative(root, f.name)} › ${a.fullName}`,
          error: firstLine(a.failureMessages?.[0] ?? ""),
        })),
    ),
  };
}

async function suite(name, fn) {
  const t0 = Date.now();
  step(name, "running");
  try {
    const counts = await fn();
    results.push({ name, ok: counts.failed === 0, ...counts, seconds: (Date.now() - t0) / 1000 });
  } catch (e) {
    let counts = { passed: 0, failed: 1, skipped: 0 };
    try {
      counts = e.counts ?? counts;
    } catch {}
    results.push({ name, ok: false, ...counts, seconds: (Date.now() - t0) / 1000, error: e.message });
  }
}

async function vitest(project, env = {}, args = []) {
  const out = path.join(reportDir, `${project}.json`);
  fs.rmSync(out, { force: true });
  try {
    await run(
      bin("vitest"),
      [
        "run",
        "--project",
        project,
        "--reporter=default",
        "--reporter=json",
        `--outputFile.json=${out}`,
        ...args,
      ],
      { env },
    );
  } catch (e) {
    if (fs.existsSync(out)) e.counts = vitestCounts(out);
    throw e;
  }
  return vitestCounts(out);
}

if (want("check")) {
  await suite("check", async () => {
    await run(bin("prettier"), ["--check", ".", "--log-level", "warn"]);
    await run(bin("eslint"), ["."]);
    await run(bin("tsc"), ["--noEmit"]);
    await run(bin("tsc"), ["-p", "tsconfig.scripts.json"]);
    // unused files, exports and dependencies
    await run(bin("knip"), ["--no-progress"]);
    return { passed: 5, failed: 0, skipped: 0 };
  });
}

if (want("unit")) await suite("unit", () => vitest("unit", { BYLINE_TEST: "1" }));

let database;
if (want("integration") || want("e2e") || want("fault")) {
  const { resolveDatabase, withTestDatabase } = await import("./lib/test-database.mjs");
  database = await resolveDatabase();
  try {
    if (want("integration")) {
      await suite("integration", () =>
        vitest("integration", {
          TEST_DATABASE_URL: withTestDatabase(database.url, "byline_test_int"),
          BYLINE_TEST: "1",
        }),
      );
    }
    if (want("e2e")) {
      const { runE2E } = await import("./lib/e2e.mjs");
      await suite("e2e", () => runE2E(withTestDatabase(database.url, "byline_test_e2e"), pwArgs));
    }
    if (want("fault")) {
      const { prepareProductionRun } = await import("./lib/e2e.mjs");
      await suite("fault", async () => {
        const { env } = await prepareProductionRun(withTestDatabase(database.url, "byline_test_fault"), {
          label: "fault",
          needPort: false,
          uploads: "test-fault-uploads",
          mail: "test-fault-mail",
        });
        // each fault test file starts its own servers from this environment (lib/test/fault-server.ts)
        return vitest("fault", { FAULT_SERVER_ENV: JSON.stringify(env), BYLINE_TEST: "1" }, pwArgs);
      });
    }
  } finally {
    await database.stop();
  }
}

console.log("\n  suite         passed  failed  skipped   time");
for (const r of results) {
  console.log(
    `  ${(r.ok ? "✔ " : "✘ ") + r.name.padEnd(12)}${String(r.passed).padStart(6)}${String(r.failed).padStart(8)}${String(r.skipped).padStart(9)}${(r.seconds.toFixed(0) + "s").padStart(7)}`,
  );
  if (r.error) console.log(`      ${r.error}`);
}
// last, so that the tail of a CI log names them
for (const r of results)
  for (const p of (r.problems ?? []).slice(0, 30)) {
    console.log(`  ${p.status === "flaky" ? "~" : "✘"} ${r.name} ${p.status}: ${p.title}`);
    if (p.error) console.log(`      ${p.error}`);
  }
const failed = results.some((r) => !r.ok);
console.log(failed ? "\n  TESTS FAILED\n" : "\n  all suites passed\n");
process.exit(failed ? 1 : 0);
