// @ts-check
// Graceful shutdown that finishes every request the server has accepted. http.Server#close
// destroys "idle" keep-alive sockets at once, but a socket looks idle while the next request on
// it is still in the kernel buffer or on the wire: those requests were reset (finding 11). Here
// the listener closes, every response from then on says `Connection: close`, and an idle socket
// is closed only once it has been quiet for `idleGraceMs` (counted from the signal too).
import net from "node:net";

/**
 * Call `track.request(req, res)` first thing for every request and `track.drain()` on SIGTERM.
 * @param {import("node:http").Server} server
 * @param {{ idleGraceMs?: number, log?: (msg: string) => void }} [opts]
 */
export function trackConnections(server, { idleGraceMs = 1_000, log = () => {} } = {}) {
  /** @type {Map<import("node:net").Socket, { active: Set<import("node:http").ServerResponse>, quietSince: number }>} */
  const sockets = new Map();
  let draining = false;

  server.on("connection", (socket) => {
    sockets.set(socket, { active: new Set(), quietSince: Date.now() });
    socket.once("close", () => sockets.delete(socket));
  });

  /**
   * @param {import("node:http").IncomingMessage} req
   * @param {import("node:http").ServerResponse} res
   */
  function request(req, res) {
    const s = sockets.get(req.socket);
    if (draining) res.shouldKeepAlive = false;
    if (!s) return;
    s.active.add(res);
    res.once("close", () => {
      s.active.delete(res);
      s.quietSince = Date.now();
    });
  }

  /** Stops accepting and resolves once every connection is gone, or after `timeoutMs` (then they are cut). */
  async function drain(timeoutMs = 10_000) {
    draining = true;
    const started = Date.now();
    // responses not started yet close their connection when done
    for (const s of sockets.values())
      for (const res of s.active) if (!res.headersSent) res.shouldKeepAlive = false;
    // net.Server#close: stop listening, without the http layer's closeIdleConnections
    const closed = new Promise(
      /** @param {(v?: undefined) => void} resolve */ (resolve) =>
        net.Server.prototype.close.call(server, () => resolve()),
    );
    const sweep = setInterval(() => {
      const now = Date.now();
      if (now - started < idleGraceMs) return;
      for (const [socket, s] of sockets)
        if (s.active.size === 0 && now - s.quietSince >= idleGraceMs) socket.destroy();
    }, 50);
    let timer;
    const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs)));
    const cut = await Promise.race([closed.then(() => false), timedOut]);
    clearInterval(sweep);
    clearTimeout(timer);
    if (cut) {
      log(`shutdown: ${inFlight()} request(s) still running after ${timeoutMs / 1000}s, closing them`);
      for (const socket of sockets.keys()) socket.destroy();
      await closed;
    }
    // the listener reports closed a tick before the last sockets emit "close"
    await Promise.all(
      [...sockets.keys()].map((socket) => new Promise((resolve) => socket.once("close", resolve))),
    );
  }

  const inFlight = () => [...sockets.values()].reduce((n, s) => n + s.active.size, 0);
  return {
    request,
    drain,
    inFlight,
    get connections() {
      return sockets.size;
    },
  };
}
