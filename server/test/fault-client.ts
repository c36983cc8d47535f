// What the server's fault tests do as clients: sign in over plain HTTP, build an image of a
// given size, and POST multipart uploads (optionally trickled) on a chosen agent.
import crypto from "node:crypto";
import http from "node:http";
import sharp from "sharp";
import type { FaultServer } from "@/lib/test/fault-server";
import { readAnswer, type Answer } from "./http-client";

const DEMO_PASSWORD = "Demo-Press-2026!";

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

/** Signs in through Auth.js' credentials callback, as the login action does; returns the Cookie header. */
export async function signIn(srv: FaultServer, email: string): Promise<string> {
  const csrf = await fetch(`${srv.base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const res = await fetch(`${srv.base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: jar.join("; "),
      origin: srv.origin,
    },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, csrfToken, callbackUrl: `${srv.origin}/` }),
  });
  const session = cookiesOf(res).filter((c) => /authjs\.session-token/.test(c));
  if (session.length === 0)
    throw new Error(`sign-in as ${email} failed: ${res.status} ${res.headers.get("location")}`);
  return session.join("; ");
}

/**
 * A PNG of random pixels (it does not compress) of about `bytes` bytes: the hardest honest
 * upload of that size for the decoder, since every byte is pixel data.
 */
export async function noisePng(bytes: number): Promise<Buffer> {
  const side = Math.ceil(Math.sqrt(bytes / 3));
  const pixels = crypto.randomBytes(side * side * 3);
  return sharp(pixels, { raw: { width: side, height: side, channels: 3 } })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

/**
 * POSTs `file` as multipart field "file" to /api/media. With `trickleMs`, the body goes out in
 * ten pieces over that long (a slow client); `onSent` runs once the request head is written.
 */
export function upload(
  srv: FaultServer,
  opts: { cookie: string; file: Buffer; agent?: http.Agent; trickleMs?: number; onSent?: () => void },
): Promise<Answer> {
  const boundary = `----byline${crypto.randomBytes(8).toString("hex")}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="noise.png"\r\nContent-Type: image/png\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const body = Buffer.concat([head, opts.file, tail]);
  return new Promise((resolve, reject) => {
    const req = http.request(`${srv.base}/api/media`, {
      method: "POST",
      agent: opts.agent,
      headers: {
        "content-type": `multipart/form-data; boundary=${boundary}`,
        "content-length": body.length,
        cookie: opts.cookie,
        origin: srv.origin,
      },
    });
    req.on("response", (res) => void readAnswer(res).then(resolve, reject));
    req.on("error", reject);
    if (!opts.trickleMs) {
      req.end(body);
      opts.onSent?.();
      return;
    }
    const pieces = 10;
    const size = Math.ceil(body.length / pieces);
    req.flushHeaders();
    req.write(body.subarray(0, size), () => opts.onSent?.());
    let i = 1;
    const timer = setInterval(() => {
      const piece = body.subarray(i * size, (i + 1) * size);
      i++;
      if (i >= pieces) {
        clearInterval(timer);
        req.end(piece);
      } else req.write(piece);
    }, opts.trickleMs / pieces);
  });
}

/** The p-th percentile (0..100) of `values`, nearest rank. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
