#!/usr/bin/env node
// Prints how long a password-reset request and a registration take to answer for an existing
// versus an unknown address (issue 8, finding 6): 50 interleaved samples each, through the real
// services against PostgreSQL. Runs lib/services/accounts/enumeration-timing.int.test.ts, which
// also asserts the figures, and prints only its figure lines.
//   node scripts/bench-enumeration.mjs            (embedded cluster, or TEST_DATABASE_URL)
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = [
  "vitest",
  "run",
  "--project",
  "integration",
  "lib/services/accounts/enumeration-timing.int.test.ts",
];
const child = spawn("npx", args, {
  cwd: root,
  env: { ...process.env, FORCE_COLOR: "0" },
  stdio: ["ignore", "pipe", "inherit"],
});
let out = "";
child.stdout.on("data", (d) => (out += d));
child.on("close", (code) => {
  const plain = out
    .replace(/\x1b\[[0-9;]*m/g, "")
    .split("\n")
    .map((l) => l.trim());
  for (const l of plain.filter((l) => /^(password reset|registration): /.test(l))) console.log(l);
  if (code !== 0)
    console.log(
      `the timing test failed (exit ${code}); run it directly for details:\n  npx ${args.join(" ")}`,
    );
  process.exit(code ?? 1);
});
