/**
 * A browser-facing front for fault servers that come and go (lib/services/articles/editorial.fault.test.ts; any fault test that drives a browser): one
 * origin (http://127.0.0.1:<proxy port>) whose localStorage survives a server killed with
 * SIGKILL and started again on another port, the way a reverse proxy keeps a site's address
 * while the process behind it restarts.
 *
 * The production build only accepts mutations whose Origin is its SITE_URL (lib/security/
 * origin.ts) and Next.js only accepts server actions whose Origin matches the Host, so requests
 * go upstream with Host and Origin rewritten to SITE_URL's, and SITE_URL in the answers' headers
 * (Location, x-action-redirect) is rewritten back to this origin. While no server is up, or when
 * it dies before answering, the browser gets a 502, as from a real reverse proxy; a server dying
 * mid-answer cuts the browser's connection.
 *
 * `hold` marks requests whose last body byte is kept back: the server has received the request
 * but cannot have acted on it when the test kills it.
 */
import http from "node:http";
import type net from "node:net";

type HeldRequest = { method: string; path: string; headers: http.IncomingHttpHeaders; body: string };

export type SiteProxy = {
  origin: string;
  /** where requests go now (a fault server's base), or null: every request answers 502 */
  setTarget(base: string | null): void;
  /** the next request `match` accepts is held (its last byte kept back); resolves when it is */
  holdNext(match: (r: HeldRequest) => boolean): Promise<HeldRequest>;
  close(): Promise<void>;
};

const REWRITTEN_HEADERS = ["location", "x-action-redirect", "content-location", "refresh"];

export async function startSiteProxy(siteOrigin: string): Promise<SiteProxy> {
  const site = new URL(siteOrigin);
  let target: URL | null = null;
  let origin = "";
  let hold: { match: (r: HeldRequest) => boolean; resolve: (r: HeldRequest) => void } | null = null;
  const sockets = new Set<net.Socket>();

  const badGateway = (res: http.ServerResponse, why: string) => {
    if (res.headersSent) res.destroy();
    else res.writeHead(502, { "content-type": "text/plain; charset=utf-8" }).end(`502 ${why}`);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      if (!target) return badGateway(res, "no server");
      const headers: http.OutgoingHttpHeaders = { ...req.headers, host: site.host };
      if (req.headers.origin === origin) headers.origin = site.origin;
      if (req.headers.referer?.startsWith(origin))
        headers.referer = site.origin + req.headers.referer.slice(origin.length);
      const up = http.request({
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers,
        agent: false,
      });
      up.on("response", (upRes) => {
        const out: http.OutgoingHttpHeaders = { ...upRes.headers };
        for (const name of REWRITTEN_HEADERS) {
          const v = out[name];
          if (typeof v === "string") out[name] = v.split(site.origin).join(origin);
        }
        res.writeHead(upRes.statusCode ?? 502, out);
        upRes.pipe(res);
        upRes.on("aborted", () => res.destroy());
        upRes.on("error", () => res.destroy());
      });
      up.on("error", (e) => badGateway(res, e.message));
      const held: HeldRequest = {
        method: req.method ?? "GET",
        path: req.url ?? "/",
        headers: req.headers,
        body: body.toString("utf8"),
      };
      if (hold && body.length > 0 && hold.match(held)) {
        const { resolve } = hold;
        hold = null;
        up.flushHeaders();
        up.write(body.subarray(0, body.length - 1), () => resolve(held));
        return; // never ended: the server waits for the last byte until it dies
      }
      up.end(body);
    });
  });
  server.on("connection", (s) => (sockets.add(s), s.on("close", () => sockets.delete(s))));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;

  return {
    origin,
    setTarget(base) {
      target = base ? new URL(base) : null;
    },
    holdNext(match) {
      return new Promise((resolve) => (hold = { match, resolve }));
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
