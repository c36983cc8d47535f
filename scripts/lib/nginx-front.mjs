// @ts-check
// Runs the shipped production front (deploy/nginx.conf) on this machine: `npm run front`, the
// front's e2e spec and the bench. deploy/nginx.conf is copied unchanged; only what differs per
// machine (listen address, upstream servers, cache, temp and log paths, the build's static
// folder) is rendered into byline/*.conf beside it, as deploy/compose/ holds them for compose.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./free-port.mjs";
import { root } from "./run.mjs";

const CONFIG = path.join(root, "deploy", "nginx.conf");

/**
 * @typedef {{
 *   upstream: string[],
 *   listen: string,
 *   stampListen: string,
 *   workers: string,
 *   pid: string,
 *   errorLog: string,
 *   accessLog: string,
 *   accessLogBuffer?: boolean,
 *   viewLog: string | null,
 *   cacheDir: string,
 *   staticDir: string,
 *   tempDir?: string,
 *   tempModules?: string[],
 * }} FrontParams
 */

/** Characters that would end or interpolate a value in nginx's config syntax. */
const UNSAFE = /["'\\$;{}\s]/;

/** @param {string} name @param {string} value */
function checked(name, value) {
  if (!value || UNSAFE.test(value))
    throw new Error(`front: ${name} ${JSON.stringify(value)} cannot go into nginx.conf`);
  return value;
}

/**
 * The site's access log directive.
 * @param {FrontParams} p
 */
function accessLog(p) {
  return `access_log ${checked("accessLog", p.accessLog)} byline${p.accessLogBuffer ? " buffer=64k flush=1s" : ""};
`;
}

/**
 * The byline/*.conf files deploy/nginx.conf includes, for one machine.
 * @param {FrontParams} p
 * @returns {Record<string, string>}
 */
export function renderIncludes(p) {
  const head =
    "# rendered by scripts/lib/nginx-front.mjs (compose: npm run front -- --render-compose); the logic is in deploy/nginx.conf\n";
  const temp = p.tempDir
    ? ["client_body", "proxy", ...(p.tempModules ?? [])]
        .map((m) => `${m}_temp_path ${checked("tempDir", p.tempDir ?? "")}/${m};\n`)
        .join("")
    : "";
  return {
    "main.conf": `${head}worker_processes ${checked("workers", p.workers)};
pid ${checked("pid", p.pid)};
error_log ${checked("errorLog", p.errorLog)} warn;
`,
    "http.conf": `${head}upstream byline {
${p.upstream.map((s) => `    server ${checked("upstream", s)};\n`).join("")}    keepalive 32;
    # below the app's own keep-alive timeout (5 s), so nginx never reuses a socket the app is closing
    keepalive_timeout 4s;
}
# view beacons by visitor ($byline_visitor: the bl_vid cookie, else the address): one visitor's always
# reach the same instance, whose memory says whether they already counted in the last 30 minutes
upstream byline_views {
    hash $byline_visitor consistent;
${p.upstream.map((s) => `    server ${checked("upstream", s)};\n`).join("")}    keepalive 16;
    keepalive_timeout 4s;
}
upstream byline_stamp {
    server ${checked("stampListen", p.stampListen)};
    keepalive 16;
}
proxy_cache_path ${checked("cacheDir", p.cacheDir)} levels=1:2 keys_zone=byline:16m max_size=512m inactive=10m use_temp_path=off;
${temp}include byline/log.conf;
map "" $byline_static_dir {
    default "${checked("staticDir", p.staticDir)}";
}
`,
    // the site's access log: for every request but article pages' when they go to the view log
    "log.conf": `${head}${accessLog(p)}`,
    // article pages' requests: in the view log (the byline_article format), or in the site's log
    "views.conf": `${head}${
      p.viewLog === null
        ? `# no view log: article pages in the site's access log (the bench's page-without-its-view figure)
${accessLog(p)}`
        : `# article pages' requests, their views counted by the app's view counter from this file's folder (VIEW_LOG_DIR)
access_log ${checked("viewLog", p.viewLog)} byline_article buffer=64k flush=1s;
`
    }`,
    "server.conf": `${head}listen ${checked("listen", p.listen)};
`,
    "stamp.conf": `${head}listen ${checked("stampListen", p.stampListen)};
`,
  };
}

/** The includes committed in deploy/compose/ for docker-compose.yml (`npm run front -- --render-compose`). */
export const COMPOSE_PARAMS = /** @type {FrontParams} */ ({
  upstream: ["app:3000"],
  listen: "80",
  stampListen: "127.0.0.1:8081",
  workers: "auto",
  pid: "/var/run/nginx.pid",
  errorLog: "stderr",
  accessLog: "/dev/stdout",
  // the volume the app instances count from (VIEW_LOG_DIR in docker-compose.yml)
  viewLog: "/var/log/byline-views/front.log",
  cacheDir: "/var/cache/nginx/byline",
  // the build lives in the app container: assets are proxied and cached
  staticDir: "/nonexistent",
});

export const COMPOSE_DIR = path.join(root, "deploy", "compose");

/** nginx in PATH, or where Debian puts it (/usr/sbin is not in every user's PATH). */
function nginxBinary() {
  for (const dir of [...(process.env.PATH ?? "").split(path.delimiter), "/usr/sbin", "/usr/local/sbin"]) {
    const file = path.join(dir, "nginx");
    if (dir && fs.existsSync(file)) return file;
  }
  throw new Error("nginx is not installed (Debian: apt-get install nginx-light)");
}

/**
 * Temp-path directives exist only for modules compiled in; the defaults (/var/lib/nginx/...) are
 * not writable by an ordinary user, so every one present is moved into our folder.
 * @param {string} bin
 */
function tempModules(bin) {
  // nginx -V writes its configure arguments to stderr
  const r = spawnSync(bin, ["-V"], { encoding: "utf8" });
  const configure = `${r.stdout ?? ""}${r.stderr ?? ""}`;
  return ["fastcgi", "uwsgi", "scgi"].filter((m) => !configure.includes(`--without-http_${m}_module`));
}

/**
 * Starts nginx with deploy/nginx.conf in front of `upstream` and waits until it answers.
 * @param {{
 *   upstream?: string | string[],
 *   port?: number,
 *   host?: string,
 *   dir?: string,
 *   staticDir?: string,
 *   workers?: number,
 *   viewLog?: string | null,
 *   launcher?: string[],
 * }} [options]
 *   upstream: host:port of the Byline server(s); port: where nginx listens (a free one when
 *   unset); dir: where config, cache and logs go (a temp folder when unset, removed on stop);
 *   staticDir: the build's static/ folder (e.g. .next/static) to serve /_next/static/ from disk;
 *   viewLog: the file article pages' requests are logged to (deploy/nginx.conf byline_article), in
 *   the folder the app's view counter reads (default: views.log in `dir`, counted by nobody; null:
 *   none, they go to the access log, for the bench's page-without-its-view figure); launcher: a
 *   command nginx runs under, as one process with no workers (valgrind, npm run
 *   bench:front-view-instructions)
 * @returns {Promise<{ url: string, dir: string, viewLog: string | null, pid: number,
 *   stop: () => Promise<void> }>}
 */
export async function startFront({
  upstream = "127.0.0.1:3000",
  port,
  host = "127.0.0.1",
  dir,
  staticDir,
  workers = 2,
  viewLog,
  launcher = [],
} = {}) {
  const bin = nginxBinary();
  const ownDir = !dir;
  const base = dir ? path.resolve(dir) : fs.mkdtempSync(path.join(os.tmpdir(), "byline-front-"));
  fs.mkdirSync(path.join(base, "byline"), { recursive: true });
  // when started as root, nginx's workers run as an unprivileged user: they need to reach the cache
  fs.chmodSync(base, 0o755);
  // a folder without the assets: /_next/static/ is then proxied to the app and cached
  const noStatic = path.join(base, "no-static");
  fs.mkdirSync(noStatic, { recursive: true });
  // nginx makes the last level of its temp paths, not their parent
  fs.mkdirSync(path.join(base, "temp"), { recursive: true });
  fs.copyFileSync(CONFIG, path.join(base, "nginx.conf"));
  const fixed = {
    // nginx would make "localhost" two servers (127.0.0.1 and ::1); Byline listens on IPv4
    upstream: (Array.isArray(upstream) ? upstream : [upstream]).map((u) =>
      u.replace(/^localhost:/, "127.0.0.1:"),
    ),
    workers: String(workers),
    pid: path.join(base, "nginx.pid"),
    errorLog: path.join(base, "error.log"),
    accessLog: path.join(base, "access.log"),
    accessLogBuffer: true,
    viewLog: viewLog === null ? null : viewLog ? path.resolve(viewLog) : path.join(base, "views.log"),
    cacheDir: path.join(base, "cache"),
    staticDir: staticDir ? path.resolve(staticDir) : noStatic,
    tempDir: path.join(base, "temp"),
    tempModules: tempModules(bin),
  };
  if (fixed.viewLog) fs.mkdirSync(path.dirname(fixed.viewLog), { recursive: true });
  const address = host.includes(":") ? `[${host}]` : host;
  const reachAt = host === "0.0.0.0" ? "127.0.0.1" : address;

  // only the ports change between attempts
  for (let attempt = 1; ; attempt++) {
    const listenPort = port ?? (await freePort());
    const stampListen = `127.0.0.1:${await freePort()}`;
    const includes = renderIncludes({ ...fixed, listen: `${address}:${listenPort}`, stampListen });
    for (const [name, text] of Object.entries(includes))
      fs.writeFileSync(path.join(base, "byline", name), text);
    fs.rmSync(fixed.errorLog, { force: true });
    const url = `http://${reachAt}:${listenPort}`;
    try {
      const { pid, stop } = await launch(bin, base, url, launcher);
      return {
        url,
        dir: base,
        viewLog: fixed.viewLog,
        pid,
        stop: async () => {
          await stop();
          if (ownDir) fs.rmSync(base, { recursive: true, force: true });
        },
      };
    } catch (e) {
      // freePort() only finds a port that was free a moment ago: another run on this machine may
      // bind it first (seen once in CI). Ports we chose are chosen again; a port given is not ours to move.
      const taken = /bind\(\) to (\S+) failed \(98: Address already in use\)/.exec(String(e))?.[1];
      const ours = taken === stampListen || (port === undefined && taken?.endsWith(`:${listenPort}`));
      if (attempt < 3 && ours) continue;
      if (ownDir) fs.rmSync(base, { recursive: true, force: true });
      throw e;
    }
  }
}

/**
 * Starts nginx on the config in `base` and waits until `url` answers; rejects with nginx's
 * stderr and error log when it exits first.
 * @param {string} bin @param {string} base @param {string} url @param {string[]} launcher
 * @returns {Promise<{ pid: number, stop: () => Promise<void> }>}
 */
async function launch(bin, base, url, launcher) {
  // under a launcher, the process it starts is the one that serves
  const global = launcher.length ? "daemon off; master_process off;" : "daemon off;";
  const [command = bin, ...args] = [
    ...launcher,
    bin,
    "-c",
    path.join(base, "nginx.conf"),
    "-p",
    `${base}/`,
    "-g",
    global,
  ];
  const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  /** @type {Promise<void>} */
  const exited = new Promise((resolve) => child.once("exit", () => resolve()));
  // never leave an nginx behind when the process that started it ends
  const onExit = () => child.kill("SIGQUIT");
  process.once("exit", onExit);

  const until = Date.now() + (launcher.length ? 120_000 : 15_000);
  for (;;) {
    if (child.exitCode !== null) {
      process.off("exit", onExit);
      const log = fs.existsSync(path.join(base, "error.log"))
        ? fs.readFileSync(path.join(base, "error.log"), "utf8")
        : "";
      throw new Error(`nginx exited with ${child.exitCode}: ${stderr}${log}`.trim());
    }
    // any answer will do (a 503 while the app is down is nginx answering)
    const up = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(
      () => true,
      () => false,
    );
    if (up) break;
    if (Date.now() > until) {
      process.off("exit", onExit);
      child.kill("SIGKILL");
      throw new Error(`nginx did not answer on ${url} in time: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  const stop = async () => {
    process.off("exit", onExit);
    if (child.exitCode === null && child.signalCode === null) {
      // SIGQUIT: finish the requests in flight, then exit
      child.kill("SIGQUIT");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }
  };
  return { pid: child.pid ?? -1, stop };
}
