// @ts-check
// prisma.config.ts, read with Prisma's own loader so that it means exactly what it means to the CLI.
import fs from "node:fs";
import path from "node:path";
import { loadConfigFromFile } from "@prisma/config";
import { fail } from "./cli.mjs";

/** @typedef {import("@prisma/schema-engine-wasm/schema_engine_bg").SchemaFilter} SchemaFilter */
/** @typedef {import("@prisma/schema-engine-wasm/schema_engine_bg").SchemasContainer} SchemasContainer */

/**
 * @typedef {object} MigrateConfig
 * @property {string} url the main database (checked to be a postgres URL)
 * @property {string | undefined} shadowUrl `datasource.shadowDatabaseUrl`; unset: a throwaway database is made
 * @property {string} migrationsDir absolute
 * @property {string} shadowDbInitScript `migrations.initShadowDb`
 * @property {SchemaFilter} filters external tables and enums, left alone by every command
 * @property {[string, string][]} datamodels `[path, content]` of each schema file, for SchemaEngine.new
 * @property {SchemasContainer} schema the same files in the shape the engine's commands take
 */

/**
 * @param {string | undefined} configFile `--config`; unset: Prisma's own discovery from the cwd
 * @returns {Promise<MigrateConfig>}
 */
export async function loadMigrateConfig(configFile) {
  const loaded = await loadConfigFromFile({ configFile });
  if (loaded.error) {
    const detail = "error" in loaded.error ? loaded.error.error.message : "";
    fail(`Failed to load prisma config: ${loaded.error._tag} ${detail}`);
  }
  const { config } = loaded;
  const baseDir = loaded.resolvedPath ? path.dirname(loaded.resolvedPath) : process.cwd();
  const url = config.datasource?.url;
  if (!url) fail("datasource.url is not set in prisma.config.ts");
  assertPostgresUrl(url, "datasource.url");
  const shadowUrl = config.datasource?.shadowDatabaseUrl;
  if (shadowUrl) assertPostgresUrl(shadowUrl, "datasource.shadowDatabaseUrl");
  const schemaPath = path.resolve(baseDir, config.schema ?? "prisma/schema.prisma");
  const datamodels = readSchemaFiles(schemaPath);
  return {
    url,
    shadowUrl: shadowUrl || undefined,
    migrationsDir: path.resolve(
      baseDir,
      config.migrations?.path ?? path.join(path.dirname(schemaPath), "migrations"),
    ),
    shadowDbInitScript: config.migrations?.initShadowDb ?? "",
    filters: { externalTables: config.tables?.external ?? [], externalEnums: config.enums?.external ?? [] },
    datamodels,
    schema: { files: datamodels.map(([file, content]) => ({ path: file, content })) },
  };
}

/**
 * Every part of the script builds URLs from this one (shadow and admin databases), so a value that is
 * not a postgres URL is refused here, with a message, instead of failing later inside the engine.
 * The value itself is not echoed: it usually carries a password.
 * @param {string} value
 * @param {string} name
 */
function assertPostgresUrl(value, name) {
  let protocol = "";
  try {
    protocol = new URL(value).protocol;
  } catch {
    fail(
      `${name} in prisma.config.ts is not a valid URL (expected postgresql://user:password@host:port/database)`,
    );
  }
  if (protocol !== "postgresql:" && protocol !== "postgres:")
    fail(`${name} in prisma.config.ts must be a postgresql:// URL, not ${protocol}`);
}

/**
 * A schema is one file or a folder of `*.prisma` files (read recursively, sorted, as the CLI does).
 * @param {string} schemaPath
 * @returns {[string, string][]}
 */
function readSchemaFiles(schemaPath) {
  if (fs.statSync(schemaPath).isFile()) return [[schemaPath, fs.readFileSync(schemaPath, "utf8")]];
  return fs
    .readdirSync(schemaPath, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".prisma"))
    .sort()
    .map((f) => [path.join(schemaPath, f), fs.readFileSync(path.join(schemaPath, f), "utf8")]);
}
