/**
 * A TCP relay between a fault server and PostgreSQL that can play a database restart: `down()`
 * cuts every open connection and refuses new ones (ECONNREFUSED, the listener closed), `up()`
 * listens again on the same port. The app sees what it sees when PostgreSQL restarts, without
 * restarting the server the rest of the suite shares.
 */
import net from "node:net";

export type PgRelay = {
  /** the database URL with host and port replaced by the relay's */
  url: string;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
};

export async function startPgRelay(databaseUrl: string): Promise<PgRelay> {
  const target = new URL(databaseUrl);
  const upstream = { host: target.hostname, port: Number(target.port || 5432) };
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;

  const track = (s: net.Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
    s.on("error", () => s.destroy());
  };
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const srv = net.createServer((client) => {
        track(client);
        const db = net.connect(upstream);
        track(db);
        client.pipe(db).pipe(client);
        client.on("close", () => db.destroy());
        db.on("close", () => client.destroy());
      });
      srv.once("error", reject);
      srv.listen(port, "127.0.0.1", () => {
        port = (srv.address() as net.AddressInfo).port;
        server = srv;
        resolve();
      });
    });
  await listen();
  const url = Object.assign(new URL(databaseUrl), { hostname: "127.0.0.1", port: String(port) }).toString();

  const down = async () => {
    const srv = server;
    server = null;
    for (const s of sockets) s.destroy();
    if (srv) await new Promise<void>((resolve) => srv.close(() => resolve()));
  };
  return {
    url,
    down,
    up: () => (server ? Promise.resolve() : listen()),
    close: down,
  };
}
