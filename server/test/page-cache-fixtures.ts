// The page cache's tests' fixtures: a Next.js stand-in that renders a page, and servers around a handler.
import http from "node:http";
import type { AddressInfo } from "node:net";

export const PLACEHOLDER = "c2VjcmV0LXBsYWNlaG9sZGVy"; // 24 characters, like a real one
const POLICY = `default-src 'self'; script-src 'nonce-${PLACEHOLDER}' 'sha256-shell=' 'strict-dynamic'; object-src 'none'`;
export const pageHeaders = (over: http.OutgoingHttpHeaders = {}): http.OutgoingHttpHeaders => ({
  "content-type": "text/html; charset=utf-8",
  "cache-control": "s-maxage=60, stale-while-revalidate=86340",
  "x-nextjs-cache": "HIT",
  "content-security-policy": POLICY,
  vary: "rsc, next-router-state-tree",
  ...over,
});

export function fakeNext(
  headers: () => http.OutgoingHttpHeaders,
  body = `<html><script>self.x=1</script>${PLACEHOLDER}</html>`,
  renderMs = 30,
) {
  let renders = 0;
  const passOn = (
    _req: http.IncomingMessage,
    res: http.ServerResponse,
    outer?: (res: http.ServerResponse) => void,
  ) => {
    renders++;
    outer?.(res);
    setTimeout(() => {
      // like Next.js, nothing is written for a client that is gone
      if (res.destroyed) return;
      for (const [k, v] of Object.entries(headers())) if (v !== undefined) res.setHeader(k, v);
      res.writeHead(200);
      res.write(body.slice(0, 10));
      res.end(body.slice(10));
    }, renderMs);
  };
  return { passOn, renders: () => renders };
}

const servers: http.Server[] = [];

/** Closes every server `serve` started (afterEach). */
export function closeServers() {
  for (const s of servers.splice(0)) s.close();
}

export async function serve(handler: http.RequestListener) {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
