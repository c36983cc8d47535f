#!/usr/bin/env node
// npm run bench: throughput of the article page and the home page of a running production
// server (BASE_URL, default http://localhost:3000 — run `npm start` first), next to nginx
// serving the very same HTML bytes as the physical limit of this machine.
// Needs wrk and nginx (Debian: apt-get install wrk nginx-light). Prints figures; asserts nothing.
import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "./lib/embedded-pg.mjs";

const exec = promisify(execFile);
const base = process.env.BASE_URL ?? "http://localhost:3000";
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const duration = process.env.BENCH_DURATION ?? "15s";

for (const tool of ["wrk", "nginx"]) {
  try {
    await exec("sh", ["-c", `command -v ${tool}`]);
  } catch {
    console.error(`${tool} is required: apt-get install -y wrk nginx-light`);
    process.exit(2);
  }
}

async function wrk(url) {
  // warm-up so caches and JIT are hot; the measured run follows
  await exec("wrk", ["-t2", `-c${connections}`, "-d3s", url]);
  const { stdout } = await exec("wrk", ["-t2", `-c${connections}`, `-d${duration}`, "--latency", url], {
    maxBuffer: 1 << 20,
  });
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]);
  const ms = (label) => {
    const m = new RegExp(`\\s${label}%\\s+([\\d.]+)(us|ms|s)`).exec(stdout);
    if (!m) return NaN;
    return Number(m[1]) * { us: 0.001, ms: 1, s: 1000 }[m[2]];
  };
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(stdout)?.[1] ?? 0);
  return { rps, p50: ms("50"), p99: ms("99"), non2xx };
}

async function nginxFor(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "byline-bench-"));
  // nginx workers run as an unprivileged user: they must be able to read what they serve
  fs.chmodSync(dir, 0o755);
  for (const [name, body] of Object.entries(files))
    fs.writeFileSync(path.join(dir, name), body, { mode: 0o644 });
  const port = await freePort();
  const conf = path.join(dir, "nginx.conf");
  fs.writeFileSync(
    conf,
    `worker_processes 2; daemon off; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events { worker_connections 1024; }
http { access_log off; default_type text/html; server { listen 127.0.0.1:${port}; root ${dir}; location / { try_files $uri =404; } } }`,
  );
  const proc = spawn("nginx", ["-c", conf, "-p", dir], { stdio: "ignore" });
  await new Promise((r) => setTimeout(r, 500));
  return { url: `http://127.0.0.1:${port}`, stop: () => proc.kill("SIGQUIT") };
}

const health = await fetch(`${base}/api/health`).catch(() => null);
if (!health?.ok) {
  console.error(`no healthy server at ${base}: start one with \`npm start\` (or set BASE_URL)`);
  process.exit(2);
}
const home = await (await fetch(`${base}/`)).text();
const articlePath = /href="(\/posts\/[a-z0-9]+)"/.exec(home)?.[1];
if (!articlePath) throw new Error("no article link on the home page");
const article = await (await fetch(`${base}${articlePath}`)).text();

const nginx = await nginxFor({ "home.html": home, "article.html": article });
const rows = [];
try {
  for (const [name, url, staticUrl] of [
    ["article", `${base}${articlePath}`, `${nginx.url}/article.html`],
    ["home", `${base}/`, `${nginx.url}/home.html`],
  ]) {
    const app = await wrk(url);
    const limit = await wrk(staticUrl);
    rows.push({ name, app, limit });
  }
} finally {
  nginx.stop();
}

console.log(
  `\nwrk -t2 -c${connections} -d${duration} on ${os.cpus().length} cores; nginx serves the same HTML bytes\n`,
);
console.log("page      server      req/s   p50 ms   p99 ms   errors");
for (const r of rows) {
  for (const [who, m] of [
    ["byline", r.app],
    ["nginx", r.limit],
  ]) {
    console.log(
      `${r.name.padEnd(10)}${who.padEnd(8)}${m.rps.toFixed(0).padStart(9)}${m.p50.toFixed(2).padStart(9)}${m.p99.toFixed(2).padStart(9)}${String(m.non2xx).padStart(9)}`,
    );
  }
  console.log(
    `${"".padEnd(10)}ratio   ${((r.app.rps / r.limit.rps) * 100).toFixed(1).padStart(8)}% of nginx throughput`,
  );
}
