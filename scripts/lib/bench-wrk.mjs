// What `npm run bench` measures with: wrk runs, raw HTTP reads (the bytes as sent, still
// compressed), nginx serving given bytes from disk, and the machine's load.
import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "./free-port.mjs";

const exec = promisify(execFile);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const duration = process.env.BENCH_DURATION ?? "15s";
export const wrkArgs = `wrk -t2 -c${connections} -d${duration}`;

/**
 * A bench's numeric setting from the environment: `fallback` when unset or empty; a value that is
 * not a number, or under `min`, stops the bench with its name rather than measuring with NaN.
 * @param {string} name @param {number} fallback @param {number} [min]
 * @param {Record<string, string | undefined>} [env]
 */
export function benchSetting(name, fallback, min = 0, env = process.env) {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min)
    throw new Error(`${name} must be a number, at least ${min}: got ${JSON.stringify(raw)}`);
  return value;
}

/**
 * One short wrk run (no warm-up) of a reader script, wrk -t2 -c50, pinned to CPU 1 when `pin`
 * (taskset; what it measures pinned to CPU 0); the requests it completed.
 * @param {{ url: string, script: string, seconds: number, pin: boolean }} run
 */
export async function shortWrk({ url, script, seconds, pin }) {
  const args = ["-t2", "-c50", `-d${seconds}s`, "-s", script, url];
  const { stdout } = await exec(pin ? "taskset" : "wrk", pin ? ["-c", "1", "wrk", ...args] : args);
  const requests = Number(/(\d+) requests in/.exec(stdout)?.[1] ?? 0);
  if (!requests) throw new Error(`wrk completed no request:\n${stdout}`);
  return requests;
}

/**
 * The median and quartiles of `values` (the lower value where a quartile falls between two).
 * @param {number[]} values
 */
export function quartiles(values) {
  const v = [...values].sort((a, b) => a - b);
  const at = (/** @type {number} */ p) => v[Math.min(v.length - 1, Math.floor((v.length - 1) * p))] ?? NaN;
  return { q1: at(0.25), median: at(0.5), q3: at(0.75) };
}

/**
 * A warm-up, then the measured run. `headers`: wrk -H lines; `script`: a wrk Lua file.
 * @returns {Promise<{ rps: number, p50: number, p99: number, errors: number, requests: number }>}
 */
export async function wrk(url, { headers = [], script } = {}) {
  // --timeout: a slow page is measured, not dropped as a socket timeout at wrk's default 2 s
  const args = ["-t2", `-c${connections}`, "--timeout", "10s", ...headers.flatMap((h) => ["-H", h])];
  if (script) args.push("-s", script);
  await exec("wrk", [...args, "-d3s", url]);
  // the server may still be working through the warm-up's last requests (slow pages): one
  // request queued behind them, so the measured run does not start with that backlog
  await rawGet(url, Object.fromEntries(headers.map((h) => h.split(/:\s*/, 2))));
  const { stdout } = await exec("wrk", [...args, `-d${duration}`, "--latency", url], { maxBuffer: 1 << 20 });
  const ms = (label) => {
    const m = new RegExp(`\\s${label}%\\s+([\\d.]+)(us|ms|s)`).exec(stdout);
    return m ? Number(m[1]) * { us: 0.001, ms: 1, s: 1000 }[m[2]] : NaN;
  };
  const count = (re) => Number(re.exec(stdout)?.[1] ?? 0);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]),
    p50: ms("50"),
    p99: ms("99"),
    errors: count(/Non-2xx or 3xx responses:\s+(\d+)/) + count(/Socket errors:.*?timeout (\d+)/),
    requests: count(/(\d+) requests in/),
  };
}

/** One GET, the body exactly as sent (no decompression). */
export function rawGet(url, headers = {}) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on("error", reject);
  });
}

/**
 * nginx serving files from disk, the limit of this machine. `put(name, bytes, encoding)` writes
 * a file and returns its URL; it is sent with that Content-Encoding whatever the request asked.
 */
export async function staticNginx() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "byline-bench-"));
  // nginx workers run as an unprivileged user: they must be able to read what they serve
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const conf = path.join(dir, "nginx.conf");
  fs.writeFileSync(
    conf,
    `worker_processes 2; daemon off; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events { worker_connections 1024; }
http { default_type text/html; access_log off; server { listen 127.0.0.1:${port}; root ${dir};
  location ~ [.]br$ { add_header Content-Encoding br; }
  location ~ [.]gzip$ { add_header Content-Encoding gzip; }
  location / { try_files $uri =404; } } }`,
  );
  const proc = spawn("nginx", ["-c", conf, "-p", dir], { stdio: "ignore" });
  await new Promise((r) => setTimeout(r, 500));
  if (proc.exitCode !== null) throw new Error(`nginx did not start: ${dir}/error.log`);
  return {
    put: (/** @type {string} */ name, /** @type {Buffer} */ body, /** @type {string=} */ encoding) => {
      const file = encoding ? `${name}.${encoding}` : `${name}.html`;
      fs.writeFileSync(path.join(dir, file), body, { mode: 0o644 });
      return `http://127.0.0.1:${port}/${file}`;
    },
    stop: () => {
      proc.kill("SIGQUIT");
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

/**
 * The machine's load when a bench starts; `report()` prints the cores and the load before and
 * after, and warns when other work already shared the CPU (every figure is then low).
 * @param {string} [busyNote] what a busy machine does to this bench's figures
 */
export function machineLoad(busyNote = "other work shared the CPU, figures are low") {
  const before = os.loadavg()[0] ?? 0;
  const text = load();
  return {
    report() {
      const cores = os.cpus().length;
      console.log(
        `\nmachine: ${cores} cores (${os.cpus()[0]?.model.trim()}), load average before ${text}, after ${load()}`,
      );
      if (before > cores / 2)
        console.log(`WARNING: the 1-minute load was ${before.toFixed(2)} before the bench: ${busyNote}`);
    },
  };
}

/** Fails early when a tool the bench needs is missing. */
export async function requireTools(tools) {
  for (const tool of tools) {
    try {
      await exec("sh", ["-c", `command -v ${tool}`]);
    } catch {
      throw new Error(`${tool} is required: apt-get install -y wrk nginx-light`);
    }
  }
}

/** The user agent the benches' readers send: a desktop Chrome (as its sec-ch-ua below). */
const CHROME_UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

/**
 * The headers of an article page as a browser opens it, a visitor's own (its bl_vid cookie): the
 * request that is the page's view (lib/services/views/view-log.mjs). By default those that decide
 * the answer, the reader's click among them (Sec-Fetch-User: ?1); `chrome`: what Chrome 156 sends
 * for a click (seen in Debian's Chromium), in its order, Node adding Host and Connection after
 * them: 16 headers, and header lookups cost by their number (nginx walks the list for each one it
 * does not know); `unasked`: Chrome's for a navigation the reader did not make (a script's or a
 * meta refresh's: no Sec-Fetch-User), where the front logs the other headers that tell a view.
 * @param {string} visitor @param {"" | "chrome" | "unasked"} [kind]
 */
export const browserPageHeaders = (visitor, kind = "") => {
  const cookie = `bl_vid=${visitor}`;
  if (kind === "")
    return {
      "accept-encoding": "gzip, br",
      "user-agent": CHROME_UA,
      "sec-fetch-user": "?1",
      "sec-fetch-dest": "document",
      cookie,
    };
  return {
    "sec-ch-ua": '"Chromium";v="156", "Not(A:Brand";v="24"',
    "sec-ch-ua-mobile": "?0",
    "sec-ch-ua-platform": '"Linux"',
    "upgrade-insecure-requests": "1",
    "user-agent": CHROME_UA,
    accept:
      "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7",
    "sec-fetch-site": "none",
    "sec-fetch-mode": "navigate",
    ...(kind === "chrome" ? { "sec-fetch-user": "?1" } : {}),
    "sec-fetch-dest": "document",
    "accept-encoding": "gzip, br",
    "accept-language": "zh-CN,zh;q=0.9,en;q=0.8",
    cookie,
    priority: "u=0, i",
  };
};

/**
 * BENCH_HEADERS: which of a browser's headers the instruction benches send (browserPageHeaders):
 * unset, those that decide the answer; `chrome`, all Chrome sends; `unasked`, Chrome's without
 * the reader's activation.
 * @returns {"" | "chrome" | "unasked"}
 */
export const benchHeaders = () => {
  const kind = process.env.BENCH_HEADERS ?? "";
  if (kind !== "" && kind !== "chrome" && kind !== "unasked")
    throw new Error(`BENCH_HEADERS=${kind}: chrome, unasked or unset`);
  return kind;
};

/**
 * A reader's wrk script: the article page as a reader's click opens it (Sec-Fetch-User: ?1,
 * Sec-Fetch-Dest: document, a Chrome user agent, gzip and brotli), a new visitor every time (a
 * bl_vid cookie of its own, with `prefix` so that no two runs share one), so every view counts:
 * the most counting can cost.
 * `skip`: the request says the front logged it (X-Byline-View-Logged), so the server logs nothing:
 * the same page without its view. Otherwise it sends a header of the same length that nothing
 * reads: parsing a header costs the server about as much as the view's line (about 1,500
 * instructions, npm run bench:view-instructions), and would be counted to the page without.
 */
function readerScript(dir, articlePath, prefix, skip) {
  const script = path.join(dir, `reader-${fs.readdirSync(dir).length}.lua`);
  fs.writeFileSync(
    script,
    `local n = 0
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end
request = function()
  n = n + 1
  local visitor = string.format("${prefix}%02d%016d", id or 0, n)
  return wrk.format("GET", ${JSON.stringify(articlePath)}, {
    ["Accept-Encoding"] = "gzip, br", ["User-Agent"] = ${JSON.stringify(CHROME_UA)},
    ["Sec-Fetch-User"] = "?1", ["Sec-Fetch-Dest"] = "document", ["Cookie"] = "bl_vid=" .. visitor, [${skip ? `"X-Byline-View-Logged"` : `"X-Byline-View-Unseen"`}] = "1" })
end
`,
  );
  return script;
}

/**
 * Reader scripts in `dir` whose visitors no other run shares, of this bench or an earlier one on the
 * same database within the 30-minute window: a visitor id is 22 characters, 4 of prefix (2 random
 * per bench, 2 the run's) and the script's 18.
 * @param {string} dir
 * @returns {(articlePath: string, skip: boolean) => string} a new script (readerScript's `skip`)
 */
export function readerScripts(dir) {
  const salt = Math.floor(Math.random() * 36 ** 2)
    .toString(36)
    .padStart(2, "0");
  let run = 0;
  return (articlePath, skip) =>
    readerScript(dir, articlePath, `${salt}${(run++ % 36 ** 2).toString(36).padStart(2, "0")}`, skip);
}
