// @ts-check
// The PostgreSQL client programs behind db:backup / db:restore (pg_dump, pg_restore): where they
// are, which version they are, and whether they can work with the server at hand. pg_dump refuses
// a server of a newer major version than its own, so the check happens before anything is written.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

const exec = promisify(execFile);

/** "pg_dump (PostgreSQL) 15.14 (Debian 15.14-0+deb12u1)", "18beta1", "150014" → { major, text } or null. */
/** @param {string} output */
export function parsePgVersion(output) {
  const text = String(output).trim();
  const num = /^(\d{5,6})$/.exec(text);
  if (num) {
    // server_version_num: 150014 = 15.14 (10 and later: major * 10000 + minor)
    const n = Number(num[1]);
    const major = Math.floor(n / 10000);
    // before 10 the major had two parts: 90624 = 9.6.24
    const minor = major < 10 ? `${Math.floor(n / 100) % 100}.${n % 100}` : `${n % 10000}`;
    return { major, text: `${major}.${minor}` };
  }
  // "pg_dump (PostgreSQL) 15.14 (Debian …)" or a bare "15.14" / "18beta1"
  const m = /^(\d+)(?:\.(\d+))?((?:beta|rc|devel)\d*)?/.exec(text.replace(/^.*?\(PostgreSQL\)\s*/, ""));
  if (!m) return null;
  const major = Number(m[1]);
  if (major < 9) return null;
  return { major, text: `${m[1]}${m[2] === undefined ? "" : `.${m[2]}`}${m[3] ?? ""}` };
}

/**
 * Where to look for a client program, best first: $PG_DUMP / $PG_RESTORE alone when set.
 * @param {"pg_dump" | "pg_restore"} tool
 * @param {Record<string, string | undefined>} env
 * @param {string[]} versionDirs
 */
export function candidatePaths(tool, env = process.env, versionDirs = listVersionDirs()) {
  const override = env[tool === "pg_dump" ? "PG_DUMP" : "PG_RESTORE"];
  if (override) return [override];
  const fromPath = (env.PATH ?? "").split(path.delimiter).filter(Boolean);
  // Debian/Ubuntu install each major under /usr/lib/postgresql/<major>/bin; the highest first
  const versioned = [...versionDirs]
    .filter((d) => /^\d+$/.test(d))
    .sort((a, b) => Number(b) - Number(a))
    .map((d) => path.join("/usr/lib/postgresql", d, "bin"));
  return [...new Set([...fromPath, ...versioned].map((dir) => path.join(dir, tool)))];
}

function listVersionDirs() {
  try {
    return fs.readdirSync("/usr/lib/postgresql");
  } catch {
    return [];
  }
}

/**
 * The newest usable client among the candidates: { file, major, text }, or null when none runs.
 * @param {"pg_dump" | "pg_restore"} tool
 */
export async function findClient(
  tool,
  env = /** @type {Record<string, string | undefined>} */ (process.env),
) {
  /** @type {{ file: string, major: number, text: string } | null} */
  let best = null;
  for (const file of candidatePaths(tool, env)) {
    const out = await exec(file, ["--version"]).then(
      (r) => r.stdout,
      () => null,
    );
    const version = out === null ? null : parsePgVersion(out);
    if (version && (!best || version.major > best.major)) best = { file, ...version };
  }
  return best;
}

const installHint = (/** @type {number} */ major) =>
  [
    `  Debian/Ubuntu：sudo apt-get install postgresql-client（或 postgresql-client-${major}；发行版没有这个版本时，先按 https://www.postgresql.org/download/linux/ 添加 apt.postgresql.org 软件源）`,
    "  macOS：brew install libpq",
    `  或指定已有的程序：PG_DUMP=/usr/lib/postgresql/${major}/bin/pg_dump PG_RESTORE=/usr/lib/postgresql/${major}/bin/pg_restore`,
  ].join("\n");

/**
 * Why this client cannot serve a server of `serverMajor` (zh-CN, with what to install), or null.
 * @param {"pg_dump" | "pg_restore"} tool
 * @param {{ file: string, major: number, text: string } | null} client
 * @param {number} serverMajor
 */
export function clientProblem(tool, client, serverMajor) {
  if (!client)
    return `找不到 ${tool}（PostgreSQL 客户端程序）。数据库服务器是 PostgreSQL ${serverMajor}，需要 ${serverMajor} 或更新版本的 ${tool}。请安装后重试：\n${installHint(serverMajor)}`;
  if (client.major < serverMajor)
    return `${client.file} 是 PostgreSQL ${client.text} 的 ${tool}，不能用于 PostgreSQL ${serverMajor} 的服务器（${tool} 的主版本不能低于服务器的）。请安装 ${serverMajor} 或更新版本的客户端后重试：\n${installHint(serverMajor)}`;
  return null;
}

// parameters Prisma and node-postgres read from a DATABASE_URL that libpq refuses ("invalid URI query parameter")
const NOT_LIBPQ = [
  "schema",
  "connection_limit",
  "pool_timeout",
  "pgbouncer",
  "statement_cache_size",
  "socket_timeout",
];

/**
 * libpq settings for a child program: the URL without its password, which goes in PGPASSWORD (not
 * in `ps`), and without the query parameters only Prisma knows.
 * @param {string} url
 */
export function libpqTarget(url) {
  const u = new URL(url);
  for (const name of NOT_LIBPQ) u.searchParams.delete(name);
  const password = decodeURIComponent(u.password);
  u.password = "";
  return { dbname: u.toString(), env: password ? { PGPASSWORD: password } : {} };
}
