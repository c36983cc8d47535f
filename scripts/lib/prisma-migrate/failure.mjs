// @ts-check
// How a run that went wrong is reported. The engine hides two kinds of cause behind its own errors:
// a Rust panic surfaces as "RuntimeError: unreachable" with the real message in a global registry, and
// an error thrown by our adapter code surfaces as "External error id#N" with the error in the adapter
// factory's registry. Both are looked up so that the message says what happened.
import { CliExit } from "./cli.mjs";

/** @typedef {import("@prisma/driver-adapter-utils").ErrorRegistry} ErrorRegistry */
/** @typedef {{ message: string, set_message(message: string): void, get(): string }} PanicRegistry */

/** The wasm glue writes panics to this global; it has no type of its own, hence the cast. */
const slot = /** @type {{ PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry }} */ (globalThis);

export function installPanicRegistry() {
  slot.PRISMA_WASM_PANIC_REGISTRY ??= {
    message: "",
    set_message(message) {
      this.message = `RuntimeError: ${message}`;
    },
    get() {
      return this.message;
    },
  };
}

/** @returns {string} the panic message, or "" when the engine has not panicked */
export function panicMessage() {
  return slot.PRISMA_WASM_PANIC_REGISTRY?.message ?? "";
}

/**
 * @param {unknown} error
 * @param {ErrorRegistry | undefined} adapterErrors
 * @returns {string} one line (or a few) for stderr, without a stack
 */
export function describeFailure(error, adapterErrors) {
  if (error instanceof CliExit) return error.message;
  const panic = panicMessage();
  if (panic) return `Schema engine (wasm) panicked: ${panic}`;
  const message = error instanceof Error ? error.message : String(error);
  const external = /External error id#(\d+)/.exec(message);
  const cause = external ? adapterErrors?.consumeError(Number(external[1]))?.error : undefined;
  if (!external || cause === undefined) return message;
  const because = cause instanceof Error ? cause.message : String(cause);
  return message.replace(external[0], `${external[0]}: ${because}`);
}
