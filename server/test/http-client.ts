// Raw HTTP for the server's tests: what a client sees, including a response that arrives
// while the request body is still being sent.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };
export type Reply = Answer & { sentBytes: number };

/** The whole response, its body as UTF-8 text. */
export function readAnswer(res: http.IncomingMessage): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on("data", (c: Buffer) => chunks.push(c));
    res.on("end", () =>
      resolve({
        status: res.statusCode!,
        headers: res.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      }),
    );
    res.on("error", reject);
  });
}

export type RawAnswer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** One GET with exactly these headers (fetch adds an Accept-Encoding of its own), the body as sent. */
export function getRaw(url: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

export async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * Sends `method path` and then body chunks of `chunkBytes` until `totalBytes` are written or the
 * response arrives, whichever is first (or `rawBody` as it is); resolves with the response and
 * how much was written.
 */
export function send(
  base: string,
  opts: {
    method?: string;
    path: string;
    headers?: Record<string, string | number>;
    totalBytes?: number;
    chunkBytes?: number;
    agent?: http.Agent;
    rawBody?: string;
  },
): Promise<Reply> {
  const { method = "GET", path, headers = {}, totalBytes = 0, chunkBytes = 64 * 1024, agent, rawBody } = opts;
  return new Promise((resolve, reject) => {
    let sentBytes = 0;
    let answered = false;
    const req = http.request(`${base}${path}`, { method, headers, agent }, (res) => {
      answered = true;
      readAnswer(res).then((answer) => resolve({ ...answer, sentBytes }), reject);
    });
    // the server may close while we still write: that is the point, not a failure
    req.on("error", (e) => (answered ? undefined : reject(e)));
    const chunk = Buffer.alloc(chunkBytes, 0x61);
    const pump = () => {
      while (!answered && sentBytes < totalBytes) {
        const n = Math.min(chunkBytes, totalBytes - sentBytes);
        sentBytes += n;
        if (!req.write(n === chunkBytes ? chunk : chunk.subarray(0, n))) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    if (rawBody !== undefined) req.end(rawBody);
    else if (totalBytes > 0) pump();
    else req.end();
  });
}
