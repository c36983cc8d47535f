// @ts-check
// Requests a worker makes of its primary (cluster.mjs) and their answers: the metrics of every
// worker, the Content API's counts, whether a view is a visitor's first in its window. One
// listener for all of them, whatever is in flight.
import { createViewDedupe } from "../lib/services/views/view-dedupe.mjs";

export const PRIMARY_ANSWER = "byline:primary-answer";
export const VIEW_DEDUPE_REQUEST = "byline:view-dedupe";

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

/**
 * "Once per reader per article per window" for the machine: a reader's beacons reach whichever
 * worker their connection went to, and each answers whether the view counted (the count itself is
 * exact anyway: its claim in PostgreSQL decides, view-claims.mjs). The primary keeps the window;
 * when it does not answer, this worker's own memory decides.
 * @returns {{ shouldCount(visitorId: string, articleId: string): Promise<boolean> }}
 */
export function primaryViewDedupe() {
  const own = createViewDedupe();
  return {
    shouldCount: (visitorId, articleId) =>
      askPrimary(VIEW_DEDUPE_REQUEST, { visitorId, articleId }, 2_000).then(
        (counted) => counted === true,
        () => own.shouldCount(visitorId, articleId),
      ),
  };
}
