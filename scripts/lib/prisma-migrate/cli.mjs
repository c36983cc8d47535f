// @ts-check
// The command line of scripts/prisma-migrate.mjs, and the one way a part of it stops the run on purpose.

/** @typedef {Record<string, string | true>} Flags */

export const USAGE =
  "usage: prisma-migrate.mjs dev --name <n> [--create-only] [--force] | deploy | status | reset --force | diff | resolve --applied <n> | --rolled-back <n>";

/**
 * An expected stop (bad input, drift, a refused step): main() prints the message without a stack and
 * exits with `code`. Thrown rather than calling process.exit() so that live shadow databases are dropped.
 */
export class CliExit extends Error {
  /**
   * @param {string} message
   * @param {number} code
   */
  constructor(message, code) {
    super(message);
    this.name = "CliExit";
    this.code = code;
  }
}

/**
 * @param {string} message
 * @param {number} [code] 130 for drift, as the Prisma CLI does
 * @returns {never}
 */
export function fail(message, code = 1) {
  throw new CliExit(message, code);
}

/**
 * `<command> [--key value | --key=value | --key]...`; a bare `--key` (or one followed by another flag) is `true`.
 * @param {readonly string[]} args process.argv without node and the script
 * @returns {{ command: string | undefined, flags: Flags }}
 */
export function parseArgs(args) {
  const [command, ...rest] = args;
  /** @type {Flags} */
  const flags = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === undefined || !arg.startsWith("--")) continue;
    const [key = "", value] = arg.slice(2).split("=", 2);
    const next = rest[i + 1];
    if (value !== undefined) flags[key] = value;
    else if (next !== undefined && !next.startsWith("--")) {
      flags[key] = next;
      i++;
    } else flags[key] = true;
  }
  return { command, flags };
}

/**
 * @param {Flags} flags
 * @param {string} key
 * @returns {string | undefined} the flag's value, or undefined when it is missing or bare
 */
export function stringFlag(flags, key) {
  const value = flags[key];
  return typeof value === "string" ? value : undefined;
}
