import http from "node:http";
import type { AddressInfo } from "node:net";
import { verifyWebhookSignature } from "../webhooks/sign";

/**
 * A webhook receiver on 127.0.0.1 for the integration and e2e tests: it records every request,
 * checks its signature with the secret the test gives it, and answers with the next scripted
 * status (then 200).
 */

type ReceivedHook = {
  headers: http.IncomingHttpHeaders;
  body: string;
  /** null until the test sets the secret */
  verified: boolean | null;
};

export type WebhookReceiver = {
  url: string;
  received: ReceivedHook[];
  connections: () => number;
  setSecret: (secret: string) => void;
  /** answer the next requests with these statuses (a 3xx also sends a Location) */
  script: (...statuses: number[]) => void;
  close: () => Promise<void>;
};

export async function startWebhookReceiver(opts: { delayMs?: number } = {}): Promise<WebhookReceiver> {
  const received: ReceivedHook[] = [];
  let secret: string | null = null;
  let queue: number[] = [];
  let connections = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const header = req.headers["byline-signature"];
      received.push({
        headers: req.headers,
        body,
        verified: secret === null ? null : verifyWebhookSignature(secret, String(header ?? ""), body).ok,
      });
      const status = queue.shift() ?? 200;
      setTimeout(() => {
        if (status >= 300 && status < 400) res.setHeader("location", "http://10.0.0.5/elsewhere");
        res.writeHead(status, { "content-type": "text/plain" });
        res.end(status < 300 ? "ok" : "nope");
      }, opts.delayMs ?? 0);
    });
  });
  server.on("connection", () => connections++);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/byline`,
    received,
    connections: () => connections,
    setSecret: (s) => {
      secret = s;
    },
    script: (...statuses) => {
      queue = statuses;
    },
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
