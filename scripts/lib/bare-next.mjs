// The reference npm run bench:lighthouse measures our pages against: a bare Next.js app, one
// server-rendered page and no code of ours, built with this repository's own `next`, `react` and
// `react-dom` (the same versions, the same bundler). Lighthouse simulates its slow phone from what
// it observes on this machine, so its figures move with the machine: this app, measured in the same
// run, is the floor any Next.js page reads here, and our pages' figures are read against it.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { freePort } from "./free-port.mjs";
import { root, run, step } from "./run.mjs";

const dir = path.join(root, ".data", "bench-bare-next");

// JavaScript, not TypeScript: the build then needs no tsconfig and no `typescript`
const files = {
  "package.json": `{ "name": "bare-next", "private": true }\n`,
  // Next.js looks for its config up the folder tree: without one here it would load ours
  "next.config.mjs": `export default {};\n`,
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

const nextVersion = () =>
  JSON.parse(fs.readFileSync(path.join(root, "node_modules", "next", "package.json"), "utf8")).version;

/**
 * Builds the app when its sources or the installed `next` changed since its last build (about
 * 20 s), then serves it with `next start`.
 * @returns {Promise<{ base: string, version: string, stop: () => Promise<void> }>}
 */
export async function bareNextTarget() {
  const stamp = path.join(dir, ".built");
  const want = JSON.stringify({ next: nextVersion(), files });
  if (!fs.existsSync(stamp) || fs.readFileSync(stamp, "utf8") !== want) {
    step("bench", `bare Next.js ${nextVersion()}: building the reference app in ${path.relative(root, dir)}`);
    fs.rmSync(dir, { recursive: true, force: true });
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    // Turbopack resolves nothing outside the app's folder, a symlinked node_modules included: a
    // copy of ours made of hard links (no bytes copied; .data/ is on the repository's file system)
    await run("cp", ["-rl", path.join(root, "node_modules"), path.join(dir, "node_modules")]);
    await run(process.execPath, [path.join(dir, "node_modules", "next", "dist", "bin", "next"), "build"], {
      cwd: dir,
      quiet: true,
      env: { NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    fs.writeFileSync(stamp, want);
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [
      path.join(dir, "node_modules", "next", "dist", "bin", "next"),
      "start",
      "-H",
      "127.0.0.1",
      "-p",
      String(port),
    ],
    {
      cwd: dir,
      stdio: "ignore",
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    },
  );
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  };
  for (let i = 0; ; i++) {
    const res = await fetch(`${base}/`).catch(() => null);
    if (res?.ok) break;
    if (child.exitCode !== null || i > 120) {
      await stop();
      throw new Error(`the bare Next.js reference did not start on ${base}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { base, version: nextVersion(), stop };
}
