// @ts-check
// Several Byline app instances from the production build behind the shipped front, on one machine
// and without Docker (docs/topology.md): `npm run topology`, `npm run bench:instances` and
// server/two-instances.fault.test.ts. The instances share one PostgreSQL (cache bus, sessions,
// jobs), one Redis (Next.js' caches: REDIS_URL, else one of its own when redis-server is here),
// one media store and AUTH_SECRET; each keeps its own in-process page cache. Node built-ins only at
// the top (the CLI parses its arguments before dependencies are installed); nginx-front.mjs and
// embedded-pg.mjs need `pg` and are loaded when a topology starts.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";
import { demoAuthSecret, sourceFingerprint } from "./bootstrap.mjs";
import { freePort } from "./free-port.mjs";
import { build as nextBuild } from "./build.mjs";
import { migrate as migrateDatabase, resolveDatabase, seed as seedDatabase } from "./database.mjs";
import { root, step } from "./run.mjs";

/** What scripts/serve.mjs prints once it listens: proof the port is our child's, not another server's. */
const LISTENING = "Byline listening on";

/**
 * @typedef {{
 *   name: string,
 *   port: number,
 *   base: string,
 *   child: import("node:child_process").ChildProcess,
 *   logFile: string,
 *   exited: Promise<{ code: number | null, signal: NodeJS.Signals | null, requested: boolean }>,
 *   stop: (signal?: "SIGTERM" | "SIGKILL") => Promise<number | null>,
 * }} Instance
 *   base: http://127.0.0.1:PORT; exited.requested: whether stop() was called before it exited;
 *   stop: sends the signal and resolves with the exit code (null when a signal ended it)
 *
 * @typedef {{
 *   instances: Instance[],
 *   front: { url: string, dir: string, stop: () => Promise<void> },
 *   siteUrl: string,
 *   env: Record<string, string>,
 *   stop: (signal?: "SIGTERM" | "SIGKILL") => Promise<void>,
 * }} Topology
 *   env: what every instance was started with (before its PORT and HOSTNAME)
 */

/** @type {Set<import("node:child_process").ChildProcess>} */
const running = new Set();
let exitHookInstalled = false;

/** @param {number} port @param {string} [host] @returns {Promise<boolean>} */
function isFree(port, host = "127.0.0.1") {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });
}

const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));
const rel = (/** @type {string} */ file) => path.relative(root, file) || file;

/**
 * Starts scripts/serve.mjs on 127.0.0.1:`port` with `env` (the whole environment), its output in
 * `logFile`, and resolves once `readyPath` answers 200. The fault suite's servers start here too.
 * @param {{ name: string, port: number, env: Record<string, string | undefined>, logFile: string,
 *   readyPath?: string, timeoutMs?: number }} options
 * @returns {Promise<Instance>}
 */
export async function startInstance({
  name,
  port,
  env,
  logFile,
  readyPath = "/api/ready",
  timeoutMs = 120_000,
}) {
  const base = `http://127.0.0.1:${port}`;
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const out = fs.openSync(logFile, "w");
  const child = spawn(process.execPath, [path.join(root, "scripts/serve.mjs")], {
    cwd: root,
    // scripts/serve.mjs runs in production mode whatever NODE_ENV says
    env: { NODE_ENV: "production", ...env, PORT: String(port), HOSTNAME: "127.0.0.1" },
    stdio: ["ignore", out, out],
  });
  fs.closeSync(out);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // never leave a server behind when the process that started it ends
    process.on("exit", () => {
      for (const c of running) c.kill("SIGKILL");
    });
  }
  running.add(child);
  let requested = false;
  /** @type {Instance["exited"]} */
  const exited = new Promise((resolve) =>
    child.once("exit", (code, signal) => {
      running.delete(child);
      resolve({ code, signal, requested });
    }),
  );
  const stop = async (/** @type {"SIGTERM" | "SIGKILL"} */ signal = "SIGTERM") => {
    requested = true;
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return (await exited).code;
  };
  try {
    await waitUntilReady({ name, base, child, logFile, readyPath, timeoutMs });
  } catch (e) {
    await stop("SIGKILL");
    throw e;
  }
  return { name, port, base, child, logFile, exited, stop };
}

/**
 * @param {{ name: string, base: string, child: import("node:child_process").ChildProcess,
 *   logFile: string, readyPath: string, timeoutMs: number }} o
 */
async function waitUntilReady({ name, base, child, logFile, readyPath, timeoutMs }) {
  const until = Date.now() + timeoutMs;
  let listening = false;
  let last = "尚未监听端口";
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(
        `实例 ${name} 在就绪前退出（${child.exitCode ?? child.signalCode}），日志见 ${rel(logFile)}`,
      );
    listening ||= fs.readFileSync(logFile, "utf8").includes(LISTENING);
    if (listening) {
      try {
        const res = await fetch(`${base}${readyPath}`, { signal: AbortSignal.timeout(5_000) });
        if (res.ok) return;
        // /api/ready names the failing check (database, media store, Redis) in its body
        last = `${readyPath} HTTP ${res.status} ${(await res.text()).slice(0, 300)}`;
      } catch (e) {
        last = `${readyPath}: ${e instanceof Error ? e.message : String(e)}`;
      }
    }
    await sleep(250);
  }
  throw new Error(`实例 ${name}（${base}）${timeoutMs / 1000} 秒内未就绪（${last}），日志见 ${rel(logFile)}`);
}

/**
 * `npm run topology` arguments. Throws with a zh-CN message on anything it does not understand.
 * @param {string[]} argv
 * @returns {{ help: boolean, instances: number, host: string, port: number, basePort: number }}
 */
export function parseTopologyArgs(argv) {
  const read = () =>
    parseArgs({
      args: argv,
      options: {
        instances: { type: "string" },
        listen: { type: "string" },
        "base-port": { type: "string" },
        help: { type: "boolean" },
      },
    }).values;
  /** @type {ReturnType<typeof read>} */
  let values;
  try {
    values = read();
  } catch (e) {
    throw new Error(
      `无法识别的参数（${e instanceof Error ? e.message : e}）；可用：--instances N --listen [地址:]端口 --base-port 端口`,
    );
  }
  const int = (
    /** @type {string} */ flag,
    /** @type {unknown} */ raw,
    /** @type {number} */ min,
    /** @type {number} */ max,
  ) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new Error(`${flag} ${raw}：应为 ${min} 到 ${max} 的整数`);
    return n;
  };
  const instances = int("--instances", values.instances ?? "2", 1, 16);
  const listen = String(values.listen ?? "8080");
  const m = /^(?:(.+):)?(\d+)$/.exec(listen);
  if (!m) throw new Error(`--listen ${listen}：应为 [地址:]端口，例如 8080 或 0.0.0.0:80`);
  const port = int("--listen", m[2], 1, 65535);
  const basePort = int("--base-port", values["base-port"] ?? "3001", 1, 65536 - instances);
  const host = (m[1] ?? "127.0.0.1").replace(/^\[(.*)\]$/, "$1");
  return { help: Boolean(values.help), instances, host, port, basePort };
}

/**
 * The origin readers use when SITE_URL is unset: the front's. Production accepts only this origin
 * on forms (CSRF), so it is the URL to open, not 127.0.0.1.
 * @param {string} host @param {number} port
 */
export function frontSiteUrl(host, port) {
  const name = ["127.0.0.1", "0.0.0.0", "::", "::1"].includes(host) ? "localhost" : host;
  return `http://${name.includes(":") ? `[${name}]` : name}:${port}`;
}

/**
 * The environment every instance shares: `given` (process.env plus the caller's) with what a
 * topology needs decided: production mode, one database, one SITE_URL (the front's), one media
 * store, one AUTH_SECRET, and the front counted as a proxy hop.
 * @param {{ given: Record<string, string | undefined>, databaseUrl: string, siteUrl: string, demo: boolean,
 *   demoSecret?: () => string }} o
 * @returns {Record<string, string>}
 */
export function sharedEnv({ given, databaseUrl, siteUrl, demo, demoSecret = demoAuthSecret }) {
  /** @type {Record<string, string>} */
  const env = {};
  for (const [k, v] of Object.entries(given)) if (v !== undefined) env[k] = v;
  Object.assign(env, {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    SITE_URL: siteUrl,
    TRUST_PROXY_HOPS: given.TRUST_PROXY_HOPS ?? "1",
    // the instances are the topology's processes (server/cluster.mjs would fork more in each)
    BYLINE_WORKERS: given.BYLINE_WORKERS ?? "1",
  });
  if (demo) Object.assign(env, { BYLINE_DEMO: "1", AUTH_SECRET: given.AUTH_SECRET ?? demoSecret() });
  // with MEDIA_STORAGE=s3 the bucket is shared already; otherwise one folder for all instances
  if (given.MEDIA_STORAGE !== "s3") env.UPLOAD_DIR = path.resolve(root, given.UPLOAD_DIR ?? ".data/uploads");
  if (!env.AUTH_SECRET)
    throw new Error(
      "设置了 DATABASE_URL 时需要 AUTH_SECRET（所有实例共用同一个，会话才能在实例间通用）：export AUTH_SECRET=$(openssl rand -base64 32)",
    );
  return env;
}

/** nginx in PATH or where Debian puts it (/usr/sbin is not in every user's PATH). */
function hasNginx() {
  return [...(process.env.PATH ?? "").split(path.delimiter), "/usr/sbin", "/usr/local/sbin"].some(
    (dir) => dir && fs.existsSync(path.join(dir, "nginx")),
  );
}

/**
 * Builds into NEXT_DIST_DIR (.next) unless its build is of the same sources and SITE_URL. The
 * fingerprint lives where `npm start` (.next) or `npm test` (other folders) keeps it, so each
 * sees the other's build as it is.
 * @param {Record<string, string>} env
 * @param {(message: string) => void} log
 */
async function ensureBuild(env, log) {
  const distName = env.NEXT_DIST_DIR || ".next";
  const dist = path.join(root, distName);
  const stamp =
    distName === ".next"
      ? path.join(root, ".data", "build-fingerprint")
      : path.join(dist, "byline-fingerprint");
  // sourceFingerprint() reads SITE_URL from process.env: the build bakes it in
  const saved = process.env.SITE_URL;
  process.env.SITE_URL = env.SITE_URL;
  const fingerprint = sourceFingerprint();
  if (saved === undefined) delete process.env.SITE_URL;
  else process.env.SITE_URL = saved;
  if (
    fs.existsSync(path.join(dist, "BUILD_ID")) &&
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, "utf8") === fingerprint
  ) {
    log(`sources and SITE_URL unchanged, reusing ${distName}`);
    return;
  }
  log(`next build into ${distName} for ${env.SITE_URL} (a few minutes on 2 cores)`);
  await nextBuild({ NODE_ENV: "production", ...env });
  fs.mkdirSync(path.dirname(stamp), { recursive: true });
  fs.writeFileSync(stamp, fingerprint);
}

/**
 * Without REDIS_URL, a Redis of the topology's own when this machine has redis-server: the
 * instances then share Next.js' caches (server/shared-cache.mjs). Without either, each keeps its
 * own and the cache bus keeps them in step.
 * @param {(message: string) => void} log
 */
async function startOwnRedis(log) {
  const { redisServerBinary, startRedisServer } = await import("./redis-server.mjs");
  if (!redisServerBinary()) {
    log("未设置 REDIS_URL，本机也没有 redis-server：各实例各自缓存页面（缓存总线保持失效同步）");
    return null;
  }
  const own = await startRedisServer();
  log(`Redis of its own on ${own.url} (Next.js' caches, shared by the instances)`);
  return own;
}

/**
 * Starts `instances` Byline servers (scripts/serve.mjs) on one database and one media store, and
 * the shipped front (deploy/nginx.conf) in front of them. Before the instances: the database
 * (DATABASE_URL, else the embedded one `npm start` uses), migrations once, the demo seed (demo
 * mode only), the build when missing or stale; each step can be skipped when the caller did it.
 * @param {{
 *   instances?: number,
 *   basePort?: number,
 *   frontHost?: string,
 *   frontPort?: number,
 *   frontDir?: string,
 *   staticDir?: string,
 *   env?: Record<string, string>,
 *   names?: string[],
 *   migrate?: boolean,
 *   seed?: boolean,
 *   build?: boolean,
 *   readyPath?: string,
 *   readyTimeoutMs?: number,
 *   logFile?: (name: string, port: number) => string,
 *   log?: (message: string) => void,
 *   onUnexpectedExit?: (instance: Instance, code: number | null, signal: NodeJS.Signals | null) => void,
 *   redis?: boolean,
 * }} [options]
 *   basePort: instance i listens on basePort + i (free ports when unset); frontPort: free when
 *   unset; frontDir: the front's config, cache and logs (a temp folder when unset); env: over
 *   process.env for every instance; build: false requires an existing build
 * @returns {Promise<Topology>}
 */
export async function startTopology({
  instances: count = 2,
  basePort,
  frontHost = "127.0.0.1",
  frontPort,
  frontDir,
  staticDir,
  env: extra = {},
  names = Array.from({ length: count }, (_, i) => `instance-${i + 1}`),
  migrate = true,
  seed = true,
  build = true,
  readyPath = "/api/ready",
  readyTimeoutMs = 120_000,
  logFile = (name) => path.join(root, ".data", "topology", `${name}.log`),
  log = (message) => step("topology", message),
  onUnexpectedExit,
  redis = true,
} = {}) {
  if (!hasNginx())
    throw new Error("需要 nginx 作为前端，但本机未安装：Debian/Ubuntu 执行 apt-get install nginx-light");
  const given = { ...process.env, ...extra };
  const demo = !given.DATABASE_URL || given.BYLINE_DEMO === "1";

  /** @type {number[]} */
  const ports = [];
  for (let i = 0; i < count; i++) {
    const port = basePort === undefined ? await freePort() : basePort + i;
    if (basePort !== undefined && !(await isFree(port)))
      throw new Error(`端口 ${port} 已被占用：换一个 --base-port，或先停掉占用它的进程`);
    ports.push(port);
  }
  const listenPort = frontPort ?? (await freePort());
  if (frontPort !== undefined && !(await isFree(frontPort, frontHost)))
    throw new Error(`前端端口 ${frontHost}:${frontPort} 已被占用：换一个 --listen`);

  const database = given.DATABASE_URL
    ? { url: given.DATABASE_URL, stop: async () => {}, markStopping: () => {} }
    : await resolveDatabase({ log });
  const ownRedis = given.REDIS_URL || !redis ? null : await startOwnRedis(log);
  if (ownRedis) given.REDIS_URL = ownRedis.url;
  /** @type {Instance[]} */
  const started = [];
  /** @type {Topology["front"] | undefined} */
  let front;
  let stopping = false;
  const stop = async (/** @type {"SIGTERM" | "SIGKILL"} */ signal = "SIGTERM") => {
    stopping = true;
    database.markStopping();
    // the front first: it stops taking requests, then each instance finishes its own (≤ 10 s)
    await front?.stop();
    await Promise.all(started.map((i) => i.stop(signal)));
    await ownRedis?.stop();
    await database.stop();
  };
  try {
    const env = sharedEnv({
      given,
      databaseUrl: database.url,
      siteUrl: given.SITE_URL ?? frontSiteUrl(frontHost, listenPort),
      demo,
    });
    if (migrate) {
      log("applying committed migrations (once, before any instance starts)");
      await migrateDatabase(database.url, ["deploy"], { quiet: true });
    }
    if (seed && demo) {
      log("demo content (idempotent)");
      await seedDatabase(database.url, {
        quiet: true,
        env: env.UPLOAD_DIR ? { UPLOAD_DIR: env.UPLOAD_DIR } : {},
      });
    }
    if (build) await ensureBuild(env, log);
    else if (!fs.existsSync(path.join(root, env.NEXT_DIST_DIR || ".next", "BUILD_ID")))
      throw new Error(`没有生产构建（${env.NEXT_DIST_DIR || ".next"}）：先执行 npm run build`);

    log(`${count} instance(s) on 127.0.0.1:${ports.join(", ")}, waiting for ${readyPath}`);
    const results = await Promise.allSettled(
      ports.map((port, i) =>
        startInstance({
          name: names[i] ?? `instance-${i + 1}`,
          port,
          env,
          logFile: logFile(names[i] ?? `instance-${i + 1}`, port),
          readyPath,
          timeoutMs: readyTimeoutMs,
        }).then((instance) => (started.push(instance), instance)),
      ),
    );
    const failed = results.find((r) => r.status === "rejected");
    if (failed) throw failed.reason;
    // in the order of `names`, whatever order they became ready in
    started.sort((x, y) => ports.indexOf(x.port) - ports.indexOf(y.port));
    for (const instance of started)
      void instance.exited.then(({ code, signal, requested }) => {
        if (!requested && !stopping) onUnexpectedExit?.(instance, code, signal);
      });

    const { startFront } = await import("./nginx-front.mjs");
    const { viewLogDir } = await import("../../server/view-log.mjs");
    front = await startFront({
      upstream: started.map((i) => `127.0.0.1:${i.port}`),
      host: frontHost,
      port: listenPort,
      dir: frontDir,
      staticDir,
      // where the instances' view counters read (they share the database, so the folder)
      viewLog: path.join(viewLogDir({ ...process.env, ...env }), "front.log"),
    });
    return { instances: started, front, siteUrl: env.SITE_URL ?? "", env, stop };
  } catch (e) {
    await stop("SIGKILL");
    throw e;
  }
}
