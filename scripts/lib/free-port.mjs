// @ts-check
// Node built-ins only: scripts that parse their arguments before dependencies are installed load it.
import net from "node:net";

/**
 * A free TCP port on 127.0.0.1 (the OS picks it), so nothing we start collides with a system
 * server (PostgreSQL on 5432, Redis on 6379) or with another run.
 * @returns {Promise<number>}
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
