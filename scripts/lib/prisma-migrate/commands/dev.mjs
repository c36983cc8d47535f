// @ts-check
// `dev --name <name> [--create-only] [--force]`: the Prisma 7.10 CLI's MigrateDev flow. Applies pending
// migrations, then diffs the schema against the migrations (replayed in a shadow database) and writes
// and applies the difference as a new migration.
import { fail, stringFlag } from "../cli.mjs";
import { loadMigrations, writeMigration } from "../migrations-dir.mjs";
import { printMigrations } from "./context.mjs";

/** @typedef {import("./context.mjs").CommandContext} CommandContext */
/** @typedef {import("../migrations-dir.mjs").MigrationList} MigrationList */

/**
 * The CLI's migration name slug: decamelize, lowercase, runs of other characters to "_", 200 at most.
 * @param {string} name
 */
function slugify(name) {
  return name
    .replace(/([a-z\d])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
}

/**
 * Also what fills the engine's cache of the migrations' schema (computed in the shadow database), which
 * evaluateDataLoss and createMigration read: the wasm engine gives those two no shadow access of their own.
 * @param {CommandContext} context
 * @param {MigrationList} migrationsList
 * @param {string} hint
 */
async function refuseDrift({ engine, config }, migrationsList, hint) {
  const diagnostic = await engine.devDiagnostic({ migrationsList, filters: config.filters });
  if (diagnostic.action.tag === "reset") fail(`${diagnostic.action.reason}\n${hint}`, 130);
}

/** @type {import("./context.mjs").Command} */
export const dev = {
  createsDatabase: true,
  async run(context) {
    const { engine, config, flags } = context;
    const { filters, schema } = config;
    const list = loadMigrations(config);
    await refuseDrift(
      context,
      list,
      'Drift detected: run "reset --force" to drop the development database. All data will be lost.',
    );
    const { appliedMigrationNames: applied } = await engine.applyMigrations({
      migrationsList: list,
      filters,
    });
    printMigrations("The following migration(s) have been applied:", applied);
    // devDiagnostic caches the schema for the full list only when nothing was pending: run it again.
    if (applied.length) await refuseDrift(context, list, "Drift detected after applying pending migrations.");

    const loss = await engine.evaluateDataLoss({ migrationsList: list, schema, filters });
    if (loss.unexecutableSteps.length)
      fail(`Unexecutable steps:\n${loss.unexecutableSteps.map((s) => `  • ${s.message}`).join("\n")}`);
    if (loss.warnings.length) {
      console.log(
        `Warnings for the current datasource:\n${loss.warnings.map((w) => `  • ${w.message}`).join("\n")}\n`,
      );
      if (!flags.force) fail("Re-run with --force to accept these warnings.");
    }
    const createOnly = !!flags["create-only"];
    if (loss.migrationSteps === 0 && !createOnly) {
      console.log(
        applied.length
          ? "Your database is now in sync with your schema."
          : "Already in sync, no schema change or pending migration was found.",
      );
      return 0;
    }

    const migrationName = slugify(stringFlag(flags, "name") ?? "");
    if (!migrationName) fail("--name <name> is required when a new migration is generated");
    const out = await engine.createMigration({
      draft: createOnly,
      migrationName,
      migrationsList: list,
      schema,
      filters,
    });
    const { migrationScript } = out;
    if (migrationScript === null) {
      console.log("Already in sync.");
      return 0;
    }
    writeMigration(list, { ...out, migrationScript });
    if (createOnly) {
      console.log(`Created ${out.generatedMigrationName} (not applied).`);
      return 0;
    }
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: loadMigrations(config),
      filters,
    });
    printMigrations(
      "The following migration(s) have been created and applied from new schema changes:",
      appliedMigrationNames,
    );
    console.log("Your database is now in sync with your schema.");
    return 0;
  },
};
