// @ts-check
// Requests a worker makes of its primary (cluster.mjs) and their answers: the metrics of every
// worker, the Content API's counts. One listener for all of them, whatever is in flight.

export const PRIMARY_ANSWER = "byline:primary-answer";

let nextId = 0;
/** @type {Map<number, { resolve: (value: any) => void, reject: (e: Error) => void, timer: ReturnType<typeof setTimeout> }>} */
const pending = new Map();
let listening = false;

/**
 * Sends `{ type, id, ...body }` to the primary and resolves with its answer's value.
 * @param {string} type
 * @param {Record<string, unknown>} body
 * @param {number} timeoutMs
 * @returns {Promise<any>}
 */
export function askPrimary(type, body, timeoutMs) {
  if (!listening) {
    listening = true;
    process.on("message", (/** @type {any} */ msg) => {
      if (msg?.type !== PRIMARY_ANSWER) return;
      const request = pending.get(msg.id);
      if (!request) return;
      pending.delete(msg.id);
      clearTimeout(request.timer);
      if (msg.error === undefined) request.resolve(msg.value);
      else request.reject(new Error(String(msg.error)));
    });
  }
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      reject(new Error(`the primary did not answer within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    pending.set(id, { resolve, reject, timer });
    try {
      if (!process.send) throw new Error("not a worker: no primary to ask");
      process.send({ type, id, ...body });
    } catch (e) {
      pending.delete(id);
      clearTimeout(timer);
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}
