// @ts-check
// The reference npm run bench:lighthouse measures our pages against: a bare Next.js app, one
// server-rendered page and no code of ours, built with this repository's own `next`, `react` and
// `react-dom` (the same versions, the same bundler). Lighthouse simulates its slow phone from what
// it observes on this machine, so its figures move with the machine: this app, measured in the same
// run, is what any Next.js page reads here, and our pages' figures are read against it.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { freePort } from "./free-port.mjs";
import { root, run, step } from "./run.mjs";

const dir = path.join(root, ".data", "bench-bare-next");

// JavaScript, not TypeScript: the build then needs no tsconfig and no `typescript`
const files = {
  "package.json": `{ "name": "bare-next", "private": true }\n`,
  // Next.js looks for its config up the folder tree, and takes the folder of the nearest lockfile
  // as the project's root: without both set here it loads our next.config.js and bundles our
  // proxy.ts and instrumentation.ts (the scheduled jobs) into the reference's server
  "next.config.mjs": `const here = import.meta.dirname;\nexport default { turbopack: { root: here }, outputFileTracingRoot: here };\n`,
  "app/layout.jsx": `export const metadata = { title: "空白页面" };

export default function RootLayout({ children }) {
  return (
    <html lang="zh-CN">
      <body>{children}</body>
    </html>
  );
}
`,
  "app/page.jsx": `export default function Page() {
  return (
    <main>
      <h1>你好</h1>
      <p>一个没有任何站点代码的 Next.js 页面，用作性能基准。</p>
    </main>
  );
}
`,
};

const nextBin = path.join(dir, "node_modules", "next", "dist", "bin", "next");
const log = path.join(root, ".data", "bench-bare-next.log");
// none of the caller's settings (DATABASE_URL, NODE_OPTIONS, NEXT_*, TURBOPACK_*) are the reference's
/** @type {NodeJS.ProcessEnv} */
const env = {
  PATH: process.env.PATH ?? "",
  HOME: process.env.HOME ?? "",
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
};

/** What the build is made of: its files and every installed package's version (the lockfile). */
function recipe() {
  const lock = fs.readFileSync(path.join(root, "package-lock.json"));
  const next = JSON.parse(fs.readFileSync(path.join(root, "node_modules", "next", "package.json"), "utf8"));
  return {
    version: String(next.version),
    stamp: JSON.stringify({ lock: crypto.createHash("sha256").update(lock).digest("hex"), files }),
  };
}

/**
 * @param {string[]} args `next` and its arguments
 * @param {number} out the log's file descriptor
 */
function spawnNext(args, out) {
  const child = spawn(process.execPath, [nextBin, ...args], { cwd: dir, stdio: ["ignore", out, out], env });
  /** @type {Error | undefined} */
  let failed;
  child.on("error", (e) => (failed = e));
  return { child, failed: () => failed };
}

const exited = (/** @type {import("node:child_process").ChildProcess} */ child) =>
  child.exitCode !== null || child.signalCode !== null;

async function build() {
  const { version, stamp } = recipe();
  const stampFile = path.join(dir, ".built");
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === stamp) return version;
  step("bench", `bare Next.js ${version}: building the reference app in ${path.relative(root, dir)}`);
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  // Turbopack resolves nothing outside its root, a symlinked node_modules included: a copy of
  // ours made of hard links, no bytes copied
  await run("cp", ["-rl", path.join(root, "node_modules"), path.join(dir, "node_modules")], {
    quiet: true,
  }).catch((/** @type {any} */ e) => {
    throw new Error(
      `could not hard-link node_modules into ${path.relative(root, dir)} (it must be on the repository's file system): ${e.output ?? e.message}`,
    );
  });
  const out = fs.openSync(log, "w");
  const { child, failed } = spawnNext(["build"], out);
  const code = await new Promise((r) => child.once("close", r));
  fs.closeSync(out);
  if (code !== 0 || failed())
    throw new Error(
      `the bare Next.js reference did not build (${failed()?.message ?? code}): see ${path.relative(root, log)}`,
    );
  for (const ours of ["instrumentation.js", "middleware.js"])
    if (fs.existsSync(path.join(dir, ".next", "server", ours)))
      throw new Error(`the bare Next.js reference's build holds a ${ours}: code of ours reached it`);
  fs.writeFileSync(stampFile, stamp);
  return version;
}

/**
 * Builds the app when its files or the installed packages changed since its last build (11-17 s
 * here), then serves it with `next start` (its log: .data/bench-bare-next.log).
 * @returns {Promise<{ base: string, version: string, stop: () => Promise<void> }>}
 */
export async function bareNextTarget() {
  const version = await build();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const out = fs.openSync(log, "a");
  const { child, failed } = spawnNext(["start", "-H", "127.0.0.1", "-p", String(port)], out);
  const stop = async () => {
    if (child.pid !== undefined && !exited(child)) {
      const gone = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await gone;
    }
    fs.closeSync(out);
  };
  for (let i = 0; ; i++) {
    const res = await fetch(`${base}/`, { signal: AbortSignal.timeout(2000) }).catch(() => null);
    if (res?.ok) break;
    if (failed() || exited(child) || i > 120) {
      await stop();
      throw new Error(`the bare Next.js reference did not start on ${base}: see ${path.relative(root, log)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { base, version, stop };
}
