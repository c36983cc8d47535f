import type http from "node:http";
import zlib from "node:zlib";

/**
 * Routes a source site should never serve, each one a way ingestion could hang, run out of
 * memory, store garbage or be steered at an internal address. Returns false for other names.
 */

// a 1×1 PNG: starts with the PNG signature and has NUL bytes within its first KB
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082",
  "hex",
);

const FIFTY_MB = 50 * 1024 * 1024;
let bomb: Buffer | null = null;
/** 50 MB of HTML-looking text in ~50 KB of gzip: the limit must count decoded bytes. */
const gzipBomb = () =>
  (bomb ??= zlib.gzipSync(
    Buffer.concat([Buffer.from("<p>"), Buffer.alloc(FIFTY_MB, "a"), Buffer.from("</p>")]),
  ));

/** Streams `total` bytes of HTML-looking text, respecting backpressure, until done or the client leaves. */
function streamBytes(res: http.ServerResponse, total: number) {
  const chunk = Buffer.from("<p>" + "lorem ipsum dolor sit amet ".repeat(2420) + "</p>\n");
  let sent = 0;
  const pump = () => {
    while (sent < total && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once("drain", pump);
    }
    if (!res.destroyed) res.end();
  };
  res.on("error", () => {}); // the client hanging up mid-body is the expected ending
  pump();
}

function redirect(res: http.ServerResponse, location: string) {
  res.writeHead(302, { location, "content-type": "text/html; charset=utf-8" }).end();
}

export function hostileRoute(name: string, req: http.IncomingMessage, res: http.ServerResponse): boolean {
  const hops = /^redirect-(\d+)$/.exec(name);
  if (hops) {
    const n = Number(hops[1]);
    redirect(res, n === 0 ? "/ransomware-advisory" : `/redirect-${n - 1}`);
    return true;
  }
  switch (name) {
    case "huge": // no Content-Length: only counting the body can stop it
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      streamBytes(res, FIFTY_MB);
      return true;
    case "huge-declared":
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": FIFTY_MB });
      streamBytes(res, FIFTY_MB);
      return true;
    case "endless": {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.write("<!doctype html><html><body><article><h1>Loading</h1>");
      const timer = setInterval(() => res.write("<p>still loading…</p>\n"), 200);
      res.on("close", () => clearInterval(timer));
      return true;
    }
    case "png-as-html":
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PNG);
      return true;
    case "png":
      res.writeHead(200, { "content-type": "image/png" }).end(PNG);
      return true;
    case "latin1": // charset from the header only; "café" is one byte per letter
      res.writeHead(200, { "content-type": "text/html; charset=iso-8859-1" });
      res.end(Buffer.from("<html><body><p>Caf\u00e9 cr\u00e8me</p></body></html>", "latin1"));
      return true;
    case "redirect-private":
      redirect(res, "http://10.0.0.1/admin");
      return true;
    case "redirect-metadata":
      redirect(res, "http://169.254.169.254/latest/meta-data/iam/security-credentials/");
      return true;
    case "gzip-bomb":
      res
        .writeHead(200, { "content-type": "text/html; charset=utf-8", "content-encoding": "gzip" })
        .end(gzipBomb());
      return true;
    case "gzip": // an ordinary compressed page
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-encoding": "gzip" });
      res.end(zlib.gzipSync("<html><body><p>Compressed caf\u00e9</p></body></html>"));
      return true;
    case "server-error":
      res.writeHead(500, { "content-type": "text/html; charset=utf-8" }).end("<h1>Oops</h1>");
      return true;
  }
  void req;
  return false;
}
