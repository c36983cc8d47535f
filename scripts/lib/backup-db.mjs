// @ts-check
// What db:backup and db:restore ask the database: its version, a snapshot to dump and read from at
// once, the media keys and row counts in it, and whether a restore target holds anything.
import pg from "pg";
import { MEDIA_KEY } from "./backup-manifest.mjs";
import { parsePgVersion } from "./backup-pg.mjs";
import { createDatabaseIfMissing } from "./embedded-pg.mjs";

/** @param {pg.Client} client */
export async function serverVersion(client) {
  const { rows } = await client.query("SHOW server_version_num");
  const version = parsePgVersion(rows[0].server_version_num);
  if (!version) throw new Error(`unexpected server_version_num ${rows[0].server_version_num}`);
  return version;
}

/** A connection to `url`, creating the database first when it does not exist (a restore target). */
/** @param {string} url */
export async function connectCreating(url) {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return client;
  } catch (e) {
    // 3D000 invalid_catalog_name: the database does not exist yet
    if (/** @type {{ code?: string }} */ (e)?.code !== "3D000") throw e;
  }
  await createDatabaseIfMissing(url, decodeURIComponent(new URL(url).pathname.slice(1)));
  const again = new pg.Client({ connectionString: url });
  await again.connect();
  return again;
}

/**
 * A read-only transaction whose snapshot pg_dump shares (`--snapshot`): the media keys and row
 * counts read here are those of the very state the dump holds. It must stay open while pg_dump runs.
 * @param {pg.Client} client
 */
export async function exportSnapshot(client) {
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  const { rows } = await client.query("SELECT pg_export_snapshot() AS id");
  return /** @type {string} */ (rows[0].id);
}

/**
 * Every storage key the media table names, originals and renditions (Media.variants), sorted.
 * @param {pg.Client} client
 */
export async function mediaKeys(client) {
  const { rows: has } = await client.query("SELECT to_regclass('public.media') IS NOT NULL AS yes");
  if (!has[0].yes) return [];
  const { rows } = await client.query(`
    SELECT "storageKey" AS key FROM media
    UNION
    SELECT v->>'storageKey' FROM media,
      jsonb_array_elements(CASE WHEN jsonb_typeof(variants) = 'array' THEN variants ELSE '[]'::jsonb END) v`);
  return rows
    .map((r) => r.key)
    .filter((k) => typeof k === "string" && MEDIA_KEY.test(k))
    .sort();
}

/**
 * Rows per table of the public schema.
 * @param {pg.Client} client
 * @returns {Promise<Record<string, number>>}
 */
export async function tableCounts(client) {
  const { rows } = await client.query(`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`);
  /** @type {Record<string, number>} */
  const counts = {};
  for (const { name } of rows) {
    const quoted = `"${String(name).replace(/"/g, '""')}"`;
    const { rows: n } = await client.query(`SELECT count(*)::bigint AS n FROM public.${quoted}`);
    counts[name] = Number(n[0].n);
  }
  return counts;
}

/** @param {pg.Client} client */
export async function lastMigration(client) {
  const { rows: has } = await client.query(
    "SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS yes",
  );
  if (!has[0].yes) return null;
  const { rows } = await client.query(`
    SELECT migration_name FROM _prisma_migrations
    WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1`);
  return rows[0]?.migration_name ?? null;
}

/**
 * What the database already holds besides what CREATE DATABASE gives: relations (in any schema),
 * schemas other than public, extensions other than plpgsql, and functions and types in public.
 * All zero for an empty database.
 * @param {pg.Client} client
 */
export async function existingObjects(client) {
  const { rows } = await client.query(`
    WITH own AS (
      SELECT oid, nspname FROM pg_namespace
      WHERE nspname NOT IN ('pg_catalog', 'information_schema')
        AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp%'
    )
    SELECT
      (SELECT count(*) FROM pg_class c JOIN own ON own.oid = c.relnamespace)::int AS relations,
      (SELECT count(*) FROM own WHERE nspname <> 'public')::int AS schemas,
      (SELECT count(*) FROM pg_extension WHERE extname <> 'plpgsql')::int AS extensions,
      (SELECT count(*) FROM pg_proc p JOIN own ON own.oid = p.pronamespace)::int AS functions,
      (SELECT count(*) FROM pg_type t JOIN own ON own.oid = t.typnamespace
        WHERE t.typtype IN ('e', 'd', 'r', 'm'))::int AS types`);
  return /** @type {{ relations: number, schemas: number, extensions: number, functions: number, types: number }} */ (
    rows[0]
  );
}
