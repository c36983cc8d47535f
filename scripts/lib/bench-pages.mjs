// @ts-check
// The article page as the view benches send it (npm run bench:view-instructions,
// bench:view-steady and bench:front-view-instructions): over a few kept-alive connections, each
// request a new visitor's; to a server, either with its view left to it or with
// X-Byline-View-Logged (the front logged it: the server logs nothing, the same page otherwise).
import http from "node:http";
import { browserPageHeaders } from "./bench-wrk.mjs";

/**
 * @param {{ connections: number, headers: "" | "chrome" | "unasked" }} options headers: BENCH_HEADERS
 *   (benchHeaders)
 */
export function createPageSender({ connections, headers }) {
  let visitors = 0;
  let resets = 0;
  const salt = Math.floor(Math.random() * 36 ** 4)
    .toString(36)
    .padStart(4, "0");

  /**
   * Sends `count` GETs of the article over `connections` kept-alive connections, each a new visitor's.
   * @param {string} url @param {number} count
   * @param {boolean | undefined} logged the front says it logged the view; undefined: the request says
   *   nothing of it (sent to a front, which decides)
   * @returns {Promise<number>} how many were not answered from the page cache (its entry renewed)
   */
  async function pages(url, count, logged) {
    const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
    let sent = 0;
    let missed = 0;
    const one = () =>
      new Promise((resolve, reject) => {
        const visitor = `${salt}${String(visitors++).padStart(18, "0")}`;
        const req = http.get(
          url,
          {
            agent,
            headers: {
              ...browserPageHeaders(visitor, headers),
              // the same header's length either way: parsing it is not what is measured
              ...(logged === undefined
                ? {}
                : logged
                  ? { "x-byline-view-logged": "1" }
                  : { "x-byline-view-unseen": "1" }),
            },
          },
          (res) => {
            res.resume();
            res.on("end", () => {
              if (res.statusCode !== 200) reject(new Error(`${url}: HTTP ${res.statusCode}`));
              if (res.headers["x-byline-cache"] !== "HIT") missed++;
              resolve(undefined);
            });
          },
        );
        req.on("error", reject);
      });
    const loop = async () => {
      while (sent < count) {
        sent++;
        // a kept-alive connection the server closed as this request went out (valgrind slows it
        // past its keep-alive timeout when the machine is busy): sent again on a new one
        await one().catch((/** @type {NodeJS.ErrnoException} */ e) => {
          if (e.code !== "ECONNRESET") throw e;
          resets++;
          return one();
        });
      }
    };
    try {
      await Promise.all(Array.from({ length: connections }, loop));
    } finally {
      agent.destroy();
    }
    return missed;
  }

  return {
    pages,
    /** Requests sent again after a connection reset, so far. */
    resets: () => resets,
  };
}
