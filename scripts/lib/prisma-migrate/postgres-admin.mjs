// @ts-check
// CREATE/DROP DATABASE on the server that holds the main database, through plain `pg` clients.
import pg from "pg";

/**
 * @param {string} name
 * @returns {string} a double-quoted SQL identifier
 */
export function quoteIdent(name) {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * @param {string} url a database on the server
 * @param {string} databaseName
 * @returns {string} the same server and credentials, pointing at `databaseName`
 */
export function withDatabase(url, databaseName) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(databaseName)}`;
  return u.toString();
}

/**
 * @param {string} url
 * @param {string} sql
 */
export async function runOnce(url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Like the CLI's migrate dev/deploy: create the database if it does not exist yet (SQLSTATE 3D000),
 * connecting to the server's `postgres` database to do it.
 * @param {string} url
 */
export async function ensureDatabaseExists(url) {
  const probe = new pg.Client({ connectionString: url });
  try {
    await probe.connect();
    await probe.end();
    return;
  } catch (e) {
    if (!(e instanceof Error && "code" in e && e.code === "3D000")) throw e;
  }
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  await runOnce(withDatabase(url, "postgres"), `CREATE DATABASE ${quoteIdent(name)}`);
  console.log(`PostgreSQL database ${name} created.`);
}
