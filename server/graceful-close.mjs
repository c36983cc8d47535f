// @ts-check
// Graceful shutdown that finishes every request the server has accepted. http.Server#close
// destroys "idle" keep-alive sockets at once, but a socket looks idle while the next request on
// it is still in the kernel buffer or on the wire: those requests were reset (finding 11). Here
// the listener closes, every response from then on says `Connection: close`, and an idle socket
// is closed only once it has been quiet for `idleGraceMs` (counted from the signal too).
import net from "node:net";

/**
 * Call `track.request(req, res)` first thing for every request and `track.drain()` on SIGTERM.
 * Each connection's peer address is read once, as it opens: `request` answers it for each of the
 * connection's requests (Node's getter for it cost a page's view 400-500 instructions, its
 * lookups on the socket being megamorphic: docs/request-path.md "Views").
 * @param {import("node:http").Server} server
 * @param {{ idleGraceMs?: number, log?: (msg: string) => void }} [opts]
 */
export function trackConnections(server, { idleGraceMs = 1_000, log = () => {} } = {}) {
  /** @type {Map<import("node:net").Socket, { active: Set<import("node:http").ServerResponse>, quietSince: number, address: string | undefined }>} */
  const sockets = new Map();
  let draining = false;

  server.on("connection", (socket) => {
    sockets.set(socket, { active: new Set(), quietSince: Date.now(), address: socket.remoteAddress });
    socket.once("close", () => sockets.delete(socket));
  });

  /**
   * @param {import("node:http").IncomingMessage} req
   * @param {import("node:http").ServerResponse} res
   * @returns {string | undefined} the peer address of the request's connection, as it opened
   */
  function request(req, res) {
    const s = sockets.get(req.socket);
    if (draining) res.shouldKeepAlive = false;
    if (!s) return undefined;
    s.active.add(res);
    res.once("close", () => {
      s.active.delete(res);
      s.quietSince = Date.now();
    });
    return s.address;
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
