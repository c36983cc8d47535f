// @ts-check
// The commands other than `dev`, each the Prisma 7.10 CLI's flow of the same name, and the table of all.
import path from "node:path";
import { fail, stringFlag } from "../cli.mjs";
import { loadMigrations } from "../migrations-dir.mjs";
import { printMigrations } from "./context.mjs";
import { dev } from "./dev.mjs";

/** @typedef {import("./context.mjs").Command} Command */
/** @typedef {import("@prisma/schema-engine-wasm/schema_engine_bg").DiffTarget} DiffTarget */

/** @type {Command} applies pending migrations only: no shadow database, no diffing */
const deploy = {
  createsDatabase: true,
  async run({ engine, config }) {
    const list = loadMigrations(config);
    const where = path.relative(process.cwd(), config.migrationsDir);
    console.log(`${list.migrationDirectories.length} migration(s) found in ${where}`);
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: list,
      filters: config.filters,
    });
    if (appliedMigrationNames.length)
      printMigrations("The following migration(s) have been applied:", appliedMigrationNames);
    else console.log("No pending migrations to apply.");
    return 0;
  },
};

/** @type {Command} exit 1 when a migration is pending, failed, or was edited after it was applied */
const status = {
  createsDatabase: false,
  async run({ engine, config }) {
    const list = loadMigrations(config);
    const d = await engine.diagnoseMigrationHistory({
      migrationsList: list,
      optInToShadowDatabase: false,
      filters: config.filters,
    });
    console.log(`${list.migrationDirectories.length} migration(s) found`);
    console.log(JSON.stringify(d, null, 2));
    if (d.history || d.failedMigrationNames.length || d.editedMigrationNames.length) return 1;
    console.log("Database schema is up to date!");
    return 0;
  },
};

/** @type {Command} drops everything the engine manages and re-applies all migrations (no seeding) */
const reset = {
  createsDatabase: false,
  async run({ engine, config, flags }) {
    if (!flags.force) fail("reset drops all data: pass --force");
    await engine.reset({ filter: config.filters });
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: loadMigrations(config),
      filters: config.filters,
    });
    printMigrations("Database reset; applied:", appliedMigrationNames);
    return 0;
  },
};

/** @type {Command} prints the SQL from the migrations (replayed in a shadow database) to the schema */
const diff = {
  createsDatabase: false,
  async run({ engine, config }) {
    const list = loadMigrations(config);
    /** @type {DiffTarget} */
    const from = list.migrationDirectories.length ? { tag: "migrations", ...list } : { tag: "empty" };
    /** @type {DiffTarget} */
    const to = { tag: "schemaDatamodel", ...config.schema };
    const r = await engine.diff({ from, to, script: true, exitCode: null, filters: config.filters });
    process.stdout.write(r.stdout ?? "");
    return 0;
  },
};

/** @type {Command} `--applied <name>` or `--rolled-back <name>`, to repair the history by hand */
const resolve = {
  createsDatabase: false,
  async run({ engine, config, flags }) {
    const applied = stringFlag(flags, "applied");
    const rolledBack = stringFlag(flags, "rolled-back");
    if (applied !== undefined)
      await engine.markMigrationApplied({ migrationName: applied, migrationsList: loadMigrations(config) });
    else if (rolledBack !== undefined) await engine.markMigrationRolledBack({ migrationName: rolledBack });
    else fail("resolve needs --applied <name> or --rolled-back <name>");
    console.log("Migration resolved.");
    return 0;
  },
};

/** @type {Readonly<Record<string, Command>>} */
export const COMMANDS = { dev, deploy, status, reset, diff, resolve };
