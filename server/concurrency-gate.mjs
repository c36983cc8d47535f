// @ts-check
// Load shedding for the expensive routes: at most `max` requests of one kind run at once, up
// to `queue` more wait (each at most `waitMs`), the rest are refused at once with a 503. Cheap
// and cached pages never pass a gate, so a search storm cannot starve them.

import { UPLOAD_PATHS } from "./request-limits.mjs";

/**
 * @param {{ max: number, queue: number, waitMs: number }} opts
 * @returns {{ acquire(): Promise<(() => void) | null>, readonly active: number, readonly waiting: number }}
 *   acquire resolves with a release function (call it once the response is done) or null (refused).
 */
export function createGate({ max, queue, waitMs }) {
  let active = 0;
  /** @type {{ resolve: (release: (() => void) | null) => void, timer?: NodeJS.Timeout }[]} */
  const waiting = [];
  /** @returns {() => void} */
  const releaser = () => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = waiting.shift();
      // the slot passes straight to the next waiter: `active` stays as it is
      if (next) {
        clearTimeout(next.timer);
        next.resolve(releaser());
      } else active--;
    };
  };
  return {
    get active() {
      return active;
    },
    get waiting() {
      return waiting.length;
    },
    acquire() {
      if (active < max) {
        active++;
        return Promise.resolve(releaser());
      }
      if (waiting.length >= queue) return Promise.resolve(null);
      return new Promise((resolve) => {
        /** @type {(typeof waiting)[number]} */
        const entry = { resolve };
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(entry), 1);
          resolve(null);
        }, waitMs);
        timer.unref?.();
        entry.timer = timer;
        waiting.push(entry);
      });
    },
  };
}

/**
 * @param {string | undefined} v
 * @param {number} fallback
 */
const int = (v, fallback) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/**
 * The gates and their defaults for a 2-core server (one search at a time: a search page renders
 * on the same event loop as every cached page, and PostgreSQL needs the other core for it);
 * BYLINE_MAX_SEARCHES, BYLINE_MAX_UPLOADS and BYLINE_MAX_ACTIONS override how many run at once.
 * Searches queue deep (256 per slot, at most 5 s): a waiting request costs a socket, not CPU,
 * while refusing at once let a storm's clients come straight back, thousands of times a second,
 * and the refusals alone slowed cached pages (article p95 114 ms under 100 searching clients).
 * Uploads and actions queue four per slot (their bodies wait unread), for at most 10 s.
 * @param {Record<string, string | undefined>} [env]
 */
export function gatesFromEnv(env = process.env) {
  /** @type {(max: number, queuePerSlot: number, waitMs: number) => ReturnType<typeof createGate>} */
  const gate = (max, queuePerSlot, waitMs) => createGate({ max, queue: max * queuePerSlot, waitMs });
  return {
    search: gate(int(env.BYLINE_MAX_SEARCHES, 1), 256, 5_000),
    upload: gate(int(env.BYLINE_MAX_UPLOADS, 2), 4, 10_000),
    action: gate(int(env.BYLINE_MAX_ACTIONS, 4), 4, 10_000),
  };
}

/**
 * Which gate a request passes: search pages (HTML or the client router's RSC requests) and the
 * Content API's search,
 * uploads, and server actions (saves render the article: lib/content). Null for the rest.
 * @param {string | undefined} method
 * @param {string} pathname
 * @returns {"search" | "upload" | "action" | null}
 */
export function gateKind(method, pathname) {
  const read = method === "GET" || method === "HEAD";
  // the Content API's search runs the same query as the page (docs/api.md)
  if (read && (pathname === "/search" || pathname.startsWith("/search/") || pathname === "/api/v1/search"))
    return "search";
  if (method !== "POST") return null;
  if (UPLOAD_PATHS.has(pathname)) return "upload";
  if (!pathname.startsWith("/api/")) return "action";
  return null;
}

export const RETRY_AFTER_SECONDS = 2;

/** @param {"search" | "upload" | "action"} kind */
export const busyMessage = (kind) =>
  kind === "search"
    ? "搜索的人太多了，请稍等几秒再试。"
    : kind === "upload"
      ? "同时上传的图片太多，请稍等几秒再试。"
      : "服务器正忙，请稍等几秒再试。";
