// @ts-check
// What every command gets, and what it gives back (the exit code).

/**
 * @typedef {object} CommandContext
 * @property {import("@prisma/schema-engine-wasm/schema_engine_bg").SchemaEngine} engine
 * @property {import("../config.mjs").MigrateConfig} config
 * @property {import("../cli.mjs").Flags} flags
 */

/**
 * @typedef {object} Command
 * @property {boolean} createsDatabase create the main database first if it is missing, like the CLI
 * @property {(context: CommandContext) => Promise<number>} run resolves to the exit code
 */

/**
 * @param {string} title
 * @param {string[]} names migration directory names
 */
export function printMigrations(title, names) {
  if (names.length) console.log(`${title}\n${names.map((n) => `  ${n}/migration.sql`).join("\n")}\n`);
}
