/**
 * Work to finish before the process exits (flush buffered writes). server/http-server.mjs runs
 * these after in-flight requests are done and before the database stops.
 */
type Hook = () => Promise<void> | void;
const g = globalThis as unknown as { __bylineShutdownHooks?: Hook[] };

export function onShutdown(hook: Hook) {
  (g.__bylineShutdownHooks ??= []).push(hook);
}
