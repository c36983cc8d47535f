// @ts-check
// One run of scripts/prisma-migrate.mjs: parse, load the config, load the engine, run the command, and
// on any failure print one clean message and drop the shadow databases the run left behind.
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { CliExit, fail, parseArgs, stringFlag, USAGE } from "./cli.mjs";
import { COMMANDS } from "./commands/index.mjs";
import { loadMigrateConfig } from "./config.mjs";
import { loadEngine } from "./engine-loader.mjs";
import { describeFailure, panicMessage } from "./failure.mjs";
import { ensureDatabaseExists } from "./postgres-admin.mjs";
import { createAdapterFactory, ShadowDatabases } from "./shadow-database.mjs";

/**
 * A wasm panic can kill the engine outside any promise we await, skipping the adapter's dispose; this
 * last resort still drops the shadow databases. It only reads `shadows`, which exists before anything
 * can fail (the handler of the old single-file script read the database URL before it was declared).
 * @param {ShadowDatabases} shadows
 */
function installCrashHandler(shadows) {
  let crashing = false;
  /** @param {unknown} error */
  const onCrash = async (error) => {
    if (crashing) return;
    crashing = true;
    const panic = panicMessage();
    console.error(panic ? `Schema engine (wasm) panicked: ${panic}` : error);
    await shadows.dropAll();
    process.exit(1);
  };
  process.on("uncaughtException", onCrash);
  process.on("unhandledRejection", onCrash);
}

/**
 * @param {readonly string[]} args process.argv without node and the script
 * @returns {Promise<number>} the exit code
 */
export async function main(args) {
  const shadows = new ShadowDatabases();
  installCrashHandler(shadows);
  /** @type {import("@prisma/driver-adapter-utils").ErrorRegistry | undefined} */
  let adapterErrors;
  try {
    const { command, flags } = parseArgs(args);
    const entry = command !== undefined && Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!entry) fail(USAGE);
    if (flags.config === true) fail("--config needs a file: --config <prisma.config.ts>");
    const config = await loadMigrateConfig(stringFlag(flags, "config"));
    if (entry.createsDatabase) await ensureDatabaseExists(config.url);
    const factory = bindMigrationAwareSqlAdapterFactory(createAdapterFactory(config, shadows));
    adapterErrors = factory.errorRegistry;
    const engine = await loadEngine(config.datamodels, factory);
    return await entry.run({ engine, config, flags });
  } catch (error) {
    console.error(describeFailure(error, adapterErrors));
    if (process.env.PRISMA_MIGRATE_DEBUG && !(error instanceof CliExit)) console.error(error);
    await shadows.dropAll();
    return error instanceof CliExit ? error.code : 1;
  }
}
